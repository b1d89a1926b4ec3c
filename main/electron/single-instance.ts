import type { App, BrowserWindow } from 'electron';

type LockApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;
type FocusableWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'>;

/**
 * One counter app per machine: two would fight over the database and the
 * scanners. The second instance quits; the first brings its window forward.
 * Returns false when this process is the second instance.
 */
export function claimSingleInstance(app: LockApp, getWindow: () => FocusableWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
