import type { App, BrowserWindow, CrashReporter, IpcMain, PowerSaveBlocker } from 'electron';
import { join } from 'node:path';
import { startCounterApp, type CounterApp, type CounterAppOptions } from '../app/start';
import { systemClock } from '../core/clock';
import { bindRouterToIpc } from './ipc-binding';
import { parseLaunchOptions } from './launch-options';
import { createMainWindow, type BrowserWindowConstructor } from './main-window';
import { loadRenderer, locateRenderer } from './renderer-location';
import { claimSingleInstance } from './single-instance';
import { routeKeysToWedge } from './wedge-input';
import { followKioskMode } from './kiosk-window';
import { displayAwake } from './display-awake';
import { safeStorageCipher, type SafeStorageLike } from './safe-storage-cipher';
import { reportCrashesLocally, type CrashReportingDeps } from './crash-reporting';
import { electronUpdatePlatform } from './update-platform';
import type { AutoUpdaterLike } from './updater';

/** Everything the Electron main process needs from outside, so tests can hand in fakes. */
export interface ElectronMainDeps {
  app: Pick<
    App,
    'requestSingleInstanceLock' | 'quit' | 'on' | 'whenReady' | 'getPath' | 'setPath' | 'getVersion' | 'isPackaged' | 'setLoginItemSettings'
  >;
  BrowserWindow: BrowserWindowConstructor;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** Seals the network tokens at rest. */
  safeStorage: SafeStorageLike;
  /** Keeps the display on while the driver QR shows. */
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The build output folder holding main/, preload/ and renderer/. */
  outDir: string;
  crashReporter: Pick<CrashReporter, 'start'>;
  processEvents: CrashReportingDeps['processEvents'];
  platform: NodeJS.Platform;
  /** electron-updater's autoUpdater (a fake in tests); only a packaged app loads it. */
  loadAutoUpdater: () => AutoUpdaterLike;
  startCounterApp?: (options: CounterAppOptions) => CounterApp;
  log?: (message: string, error?: unknown) => void;
}

export type ElectronMainResult = { started: false } | { started: true; window: BrowserWindow; counterApp: CounterApp };

/**
 * The Electron process, start to finish: one instance, the counter app on the
 * user-data folder, one hardened window bound to the router over IPC, and a
 * clean close of the database when the app quits.
 */
export async function runElectronMain(deps: ElectronMainDeps): Promise<ElectronMainResult> {
  const { app } = deps;
  const log = deps.log ?? ((message, error) => console.error(`[opencounter] ${message}`, error ?? ''));
  let window: BrowserWindow | undefined;
  if (!claimSingleInstance(app, () => window)) return { started: false };
  app.on('window-all-closed', () => app.quit());
  reportCrashesLocally({ app, crashReporter: deps.crashReporter, processEvents: deps.processEvents, log });

  await app.whenReady();
  const tokenCipher = safeStorageCipher(deps.safeStorage, log);
  const kioskFlag = parseLaunchOptions(deps.argv).kiosk;
  const display = displayAwake(deps.powerSaveBlocker);
  const counterApp = (deps.startCounterApp ?? startCounterApp)({
    dataDir: app.getPath('userData'),
    clock: systemClock,
    version: app.getVersion(),
    log,
    core: { kiosk: kioskFlag, ...(tokenCipher ? { tokenCipher } : {}) },
    display,
    updates: (core) => electronUpdatePlatform(core, { app, platform: deps.platform, log, loadAutoUpdater: deps.loadAutoUpdater }),
  });
  // The flag, or a manager's setting read from the database.
  const kiosk = counterApp.core?.kiosk.state().on ?? kioskFlag;
  // A packaged app never takes its page from the environment.
  const devServerUrl = app.isPackaged ? undefined : deps.env.ELECTRON_RENDERER_URL;
  const location = locateRenderer(devServerUrl, join(deps.outDir, 'renderer', 'index.html'));
  window = createMainWindow({
    BrowserWindow: deps.BrowserWindow,
    preloadPath: join(deps.outDir, 'preload', 'index.cjs'),
    appUrl: location.appUrl,
    kiosk,
    devTools: !app.isPackaged,
    log,
  });
  window.on('closed', () => {
    window = undefined;
  });
  const shownWindow = window;
  display.releaseWith(shownWindow);
  followKioskMode(shownWindow, kiosk, (follow) =>
    counterApp.events.subscribe((name, payload) => {
      if (name === 'kiosk.changed') follow(payload as { on: boolean });
    }),
  );
  const scanners = counterApp.scanners;
  if (scanners) scanners.setTypingSink(routeKeysToWedge(window.webContents, () => scanners.wedge));
  const unbind = bindRouterToIpc({
    ipcMain: deps.ipcMain,
    router: counterApp.router,
    events: counterApp.events,
    webContents: window.webContents,
    appUrl: location.appUrl,
    log,
  });

  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    unbind();
    counterApp.close();
  });

  const shown = window;
  await loadRenderer(shown, location).catch((error: unknown) => log('the renderer could not be loaded', error));
  return { started: true, window: shown, counterApp };
}
