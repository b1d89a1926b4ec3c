import type { BrowserWindow, Input } from 'electron';

type KeyInput = Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>;

/** Closing, quitting, reloading and DevTools: the shortcuts a kiosk swallows (Ctrl or ⌘ alike). */
export function isKioskBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if (input.alt && key === 'f4') return true;
  if (command && ['w', 'q', 'r', 'n', 't'].includes(key)) return true;
  if (command && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}

type KioskWindow = Pick<BrowserWindow, 'setKiosk' | 'setFullScreen' | 'setMenuBarVisibility' | 'isDestroyed'> & {
  webContents: { on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: Input) => void): unknown };
};

/**
 * Keeps the window in step with kiosk mode as main decides it (the `--kiosk`
 * flag, a manager's setting, a manager's PIN to leave): full screen, no menu,
 * and the window-closing, reload and DevTools shortcuts swallowed while on.
 * `createdInKiosk`: the window was opened with the kiosk options already.
 */
export function followKioskMode(
  window: KioskWindow,
  createdInKiosk: boolean,
  onChange: (listener: (state: { on: boolean }) => void) => unknown,
): void {
  let on = createdInKiosk;
  const apply = (next: boolean) => {
    if (window.isDestroyed() || next === on) return;
    on = next;
    window.setKiosk(next);
    window.setFullScreen(next);
    window.setMenuBarVisibility(!next);
  };
  window.webContents.on('before-input-event', (event, input) => {
    if (on && isKioskBlockedShortcut(input)) event.preventDefault();
  });
  onChange((state) => apply(state.on));
}
