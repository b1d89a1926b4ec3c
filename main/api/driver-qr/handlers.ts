import type { CounterCore } from '../../core/counter-core';
import type { HandlersOf } from '../call';
import type { driverQrCalls } from './calls';

/** The driver QR and 6-digit code of a network, for the full-screen view. */
export function driverQrHandlers(core: Pick<CounterCore, 'driverQr'>): HandlersOf<typeof driverQrCalls> {
  return {
    'driverQr.show': ({ networkId }) => core.driverQr.current(networkId),
  };
}
