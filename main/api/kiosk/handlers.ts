import type { CounterCore } from '../../core/counter-core';
import type { HandlersOf } from '../call';
import type { kioskCalls } from './calls';

export function kioskHandlers(core: Pick<CounterCore, 'kiosk'>): HandlersOf<typeof kioskCalls> {
  const { kiosk } = core;
  return {
    'kiosk.state': () => kiosk.state(),
    'kiosk.setEnabled': ({ enabled }) => kiosk.setEnabled(enabled),
    'kiosk.leave': async ({ staffId, pin }) => {
      const result = await kiosk.leave(staffId, pin);
      if (result.ok) return { outcome: 'left', state: kiosk.state() };
      return result.reason === 'locked'
        ? { outcome: 'locked', lockedUntil: result.lockedUntil }
        : { outcome: 'wrong-pin', freeLeft: result.freeLeft, lockedUntil: result.lockedUntil };
    },
  };
}
