import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { installContentSecurityPolicy } from './content-security';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permissions';

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface MainWindowOptions {
  BrowserWindow: BrowserWindowConstructor;
  /** The built sandboxed preload, out/preload/index.cjs. */
  preloadPath: string;
  /** The page the window may show; anything else is refused. */
  appUrl: string;
  kiosk: boolean;
  /** Off in a packaged app: DevTools would let anyone at the counter run code in the page. */
  devTools: boolean;
  log: (message: string) => void;
}

/**
 * The counter's one window: isolated, sandboxed, no Node in the page, the
 * strict CSP on every response, no permissions, no navigation away and no
 * pop-ups. It shows itself once the first frame is ready.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new options.BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'OpenCounter',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  const { session } = window.webContents;
  installContentSecurityPolicy(session);
  denyAllPermissions(session);
  guardNavigation(window.webContents, options.appUrl, options.log);
  window.once('ready-to-show', () => window.show());
  return window;
}
