import type { CounterCore } from '../../core/counter-core';
import type { HandlersOf } from '../call';
import type { kioskCalls } from './calls';

/** Keeps the display from sleeping, where the process can (Electron); the browser host cannot. */
export interface DisplayControl {
  keepAwake(awake: boolean): void;
}

export function kioskHandlers(core: Pick<CounterCore, 'kiosk'>, display?: DisplayControl): HandlersOf<typeof kioskCalls> {
  const { kiosk } = core;
  return {
    'display.keepAwake': ({ awake }) => {
      if (!display) return { heldBy: 'page' };
      display.keepAwake(awake);
      return { heldBy: 'main' };
    },
    'kiosk.state': () => kiosk.state(),
    'kiosk.setEnabled': ({ enabled }) => kiosk.setEnabled(enabled),
    'kiosk.setTouchScreen': ({ enabled }) => kiosk.setTouchScreen(enabled),
    'kiosk.leave': async ({ staffId, pin }) => {
      const result = await kiosk.leave(staffId, pin);
      if (result.ok) return { outcome: 'left', state: kiosk.state() };
      return result.reason === 'locked'
        ? { outcome: 'locked', lockedUntil: result.lockedUntil }
        : { outcome: 'wrong-pin', freeLeft: result.freeLeft, lockedUntil: result.lockedUntil };
    },
  };
}
