import type { Event, Input, WebContents } from 'electron';
import type { WedgeKeyEvent, WedgeVerdict } from '../devices/keyboard-wedge';

export interface WedgeSink {
  feed(event: WedgeKeyEvent): WedgeVerdict;
}

type KeyTarget = Pick<WebContents, 'on' | 'sendInputEvent' | 'isDestroyed'>;

/**
 * Feeds the window's key-downs to the keyboard-wedge detector before the page
 * sees them (before-input-event). Keys that may be part of a scan are held
 * back, so a scan never lands as text in a focused field; keys that turn out
 * to be typing are re-sent to the page in order. Re-sent keys are recognised
 * and passed straight through, so they are not fed twice.
 */
/** Returns the function that gives held keys back to the page, for the detector's idle timer to use too. */
export function routeKeysToWedge(webContents: KeyTarget, wedge: () => WedgeSink, now: () => number = () => performance.now()): ReleaseKeys {
  const reinjected: string[] = [];
  const release = (keys: readonly WedgeKeyEvent[]) => {
    if (webContents.isDestroyed()) return;
    for (const key of keys) {
      reinjected.push(key.key);
      if (key.key === 'Enter' || key.key === 'Tab') {
        webContents.sendInputEvent({ type: 'keyDown', keyCode: key.key });
        webContents.sendInputEvent({ type: 'keyUp', keyCode: key.key });
      } else {
        webContents.sendInputEvent({ type: 'char', keyCode: key.key });
      }
    }
  };

  webContents.on('before-input-event', (event: Event, input: Input) => {
    if (input.type !== 'keyDown' || input.control || input.alt || input.meta) return;
    if (reinjected[0] === input.key) {
      reinjected.shift();
      return;
    }
    if (input.key.length !== 1 && input.key !== 'Enter' && input.key !== 'Tab') return;
    const verdict = wedge().feed({ key: input.key, at: now() });
    release(verdict.release);
    if (verdict.swallow) event.preventDefault();
  });
  return release;
}

/** Keys the idle timer released as typing (see WedgeScannerOptions.onRelease). */
export type ReleaseKeys = (keys: readonly WedgeKeyEvent[]) => void;
