import type { CounterCore } from '../../core/counter-core';
import { suggestDriverNetwork } from '../../core/driver-qr/driver-network-choice';
import type { HandlersOf } from '../call';
import type { driverQrCalls } from './calls';

/** The driver QR and 6-digit code of a network, for the full-screen view, and which network to open it on. */
export function driverQrHandlers(
  core: Pick<CounterCore, 'driverQr' | 'clock' | 'checkIns' | 'counter' | 'networks'>,
): HandlersOf<typeof driverQrCalls> {
  return {
    'driverQr.show': ({ networkId }) => core.driverQr.current(networkId),
    'driverQr.suggestNetwork': () => ({
      networkId: suggestDriverNetwork(core.clock.now(), {
        checkIns: core.checkIns,
        deliveries: core.counter.deliveries,
        networks: core.networks,
      }),
    }),
  };
}
