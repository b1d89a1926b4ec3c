import type { PowerSaveBlocker } from 'electron';
import type { DisplayControl } from '../api/kiosk/handlers';

type Blocker = Pick<PowerSaveBlocker, 'start' | 'stop'>;

/** The window whose page asked: its close, a reload or a navigation ends what the page asked for. */
interface AskingWindow {
  on(event: 'closed', listener: () => void): unknown;
  webContents: {
    on(event: 'did-navigate' | 'render-process-gone', listener: () => void): unknown;
  };
}

export interface DisplayAwake extends DisplayControl {
  /** Lets the display sleep again when this window closes, reloads, navigates or its page crashes. */
  releaseWith(window: AskingWindow): void;
}

/**
 * Electron's power save blocker held while the page shows the driver QR:
 * one blocker at most, however often the page asks, stopped when it says so
 * or when the page that asked is gone without saying it.
 */
export function displayAwake(blocker: Blocker): DisplayAwake {
  let id: number | undefined;
  const keepAwake = (awake: boolean) => {
    if (awake && id === undefined) id = blocker.start('prevent-display-sleep');
    if (!awake && id !== undefined) {
      blocker.stop(id);
      id = undefined;
    }
  };
  return {
    keepAwake,
    releaseWith(window) {
      const release = () => keepAwake(false);
      window.on('closed', release);
      // A reload or another page: the driver QR that asked is gone.
      window.webContents.on('did-navigate', release);
      window.webContents.on('render-process-gone', release);
    },
  };
}
