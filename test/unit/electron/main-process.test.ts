import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../main/api/event-bus';
import { startCounterApp, type CounterApp, type CounterAppOptions } from '../../../main/app/start';
import { systemClock } from '../../../main/core/clock';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../main/electron/channels';
import { runElectronMain, type ElectronMainDeps } from '../../../main/electron/main-process';
import { useTempDir } from '../../fixtures/temp-dir';
import { FakeApp, FakeBrowserWindow, FakeIpcMain, FakePowerSaveBlocker, FakeSafeStorage, quietElectronDeps } from './fakes';

const OUT = '/opt/OpenCounter/resources/app.asar/out';
const INDEX_HTML = join(OUT, 'renderer', 'index.html');

function fakeCounterApp(): CounterApp {
  return {
    status: { state: 'ready', storeId: 's', version: '9.8.7', testHooks: false },
    router: { dispatch: vi.fn(async () => ({ ok: true as const, value: null })) },
    events: new EventBus(),
    core: undefined,
    receiveScan: vi.fn(),
    scanners: undefined,
    poke: vi.fn(async () => {}),
    networksIdle: vi.fn(async () => {}),
    close: vi.fn(),
  };
}

function setup(
  options: {
    gotLock?: boolean;
    argv?: string[];
    env?: Record<string, string>;
    packaged?: boolean;
    real?: (o: CounterAppOptions) => CounterApp;
    safeStorage?: FakeSafeStorage;
  } = {},
) {
  const app = new FakeApp(options.gotLock ?? true);
  app.isPackaged = options.packaged ?? false;
  const ipcMain = new FakeIpcMain();
  const counterApp = fakeCounterApp();
  const start = vi.fn(options.real ?? (() => counterApp));
  const deps: ElectronMainDeps = {
    app: app as unknown as ElectronMainDeps['app'],
    BrowserWindow: FakeBrowserWindow as unknown as ElectronMainDeps['BrowserWindow'],
    ipcMain: ipcMain as unknown as ElectronMainDeps['ipcMain'],
    safeStorage: options.safeStorage ?? new FakeSafeStorage(),
    ...quietElectronDeps(),
    argv: options.argv ?? ['/opt/OpenCounter/opencounter'],
    env: options.env ?? {},
    outDir: OUT,
    startCounterApp: start,
    log: () => {},
  };
  return { app, ipcMain, counterApp, start, blocker: deps.powerSaveBlocker as FakePowerSaveBlocker, run: () => runElectronMain(deps) };
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
});

describe('single instance', () => {
  it('quits at once, opening neither the database nor a window, when another instance holds the lock', async () => {
    const { app, start, run } = setup({ gotLock: false });
    await expect(run()).resolves.toEqual({ started: false });
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(start).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('brings the first window forward when a second instance starts', async () => {
    const { app, run } = setup();
    await run();
    const [window] = FakeBrowserWindow.instances;
    window!.minimized = true;
    app.emit('second-instance', {}, ['/opt/OpenCounter/opencounter'], '/');
    expect(window!.restore).toHaveBeenCalledOnce();
    expect(window!.show).toHaveBeenCalled();
    expect(window!.focus).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('does not touch a window that was closed', async () => {
    const { app, run } = setup();
    await run();
    const [window] = FakeBrowserWindow.instances;
    window!.emit('closed');
    expect(() => app.emit('second-instance', {}, [], '/')).not.toThrow();
    expect(window!.focus).not.toHaveBeenCalled();
  });
});

describe('start-up', () => {
  it("runs the counter app on Electron's user-data folder with the system clock and the app version", async () => {
    const { app, start, run } = setup();
    await run();
    expect(app.getPath).toHaveBeenCalledWith('userData');
    expect(start).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ dataDir: '/fake/userData', clock: systemClock, version: '9.8.7' }),
    );
  });

  it('opens one window with the built preload and loads the built renderer file', async () => {
    const { run } = setup();
    await run();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const [window] = FakeBrowserWindow.instances;
    expect(window!.options.webPreferences?.preload).toBe(join(OUT, 'preload', 'index.cjs'));
    expect(window!.loadFile).toHaveBeenCalledExactlyOnceWith(INDEX_HTML);
    expect(window!.loadURL).not.toHaveBeenCalled();
  });

  it('loads the development server in development', async () => {
    const { run } = setup({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    await run();
    const [window] = FakeBrowserWindow.instances;
    expect(window!.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173');
    expect(window!.loadFile).not.toHaveBeenCalled();
  });

  it('never takes its page from the environment once packaged', async () => {
    const { run } = setup({ packaged: true, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } });
    await run();
    const [window] = FakeBrowserWindow.instances;
    expect(window!.loadURL).not.toHaveBeenCalled();
    expect(window!.loadFile).toHaveBeenCalledExactlyOnceWith(INDEX_HTML);
  });

  it('closes DevTools in a packaged app, and keeps them in development', async () => {
    await setup({ packaged: true }).run();
    await setup({ packaged: false }).run();
    expect(FakeBrowserWindow.instances.map((w) => w.options.webPreferences?.devTools)).toEqual([false, true]);
  });

  it('opens a kiosk, full-screen window with --kiosk, a normal one without', async () => {
    await setup({ argv: ['/opt/OpenCounter/opencounter', '--kiosk'] }).run();
    await setup({ argv: ['/opt/OpenCounter/opencounter'] }).run();
    const [kiosk, normal] = FakeBrowserWindow.instances;
    expect(kiosk!.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(normal!.options).toMatchObject({ kiosk: false, fullscreen: false });
  });

  it('passes --kiosk to the core, and follows kiosk mode when a manager leaves it', async () => {
    const { counterApp, start, run } = setup({ argv: ['/opt/OpenCounter/opencounter', '--kiosk'] });
    await run();
    expect(start.mock.calls[0]![0].core).toMatchObject({ kiosk: true });
    const [window] = FakeBrowserWindow.instances;
    counterApp.events.emit('kiosk.changed', { on: false, setting: false, flag: true, touchScreen: false, keyboard: false });
    expect(window!.setKiosk).toHaveBeenCalledWith(false);
    expect(window!.setFullScreen).toHaveBeenCalledWith(false);
  });

  it('forwards the counter app events to the window', async () => {
    const { counterApp, run } = setup();
    await run();
    const [window] = FakeBrowserWindow.instances;
    const scan = { code: 'X1', source: 'serial' as const, receivedAt: 1, classification: { kind: 'unknown' as const, reason: 'no-match' } };
    counterApp.events.emit('scanner.scanned', scan);
    expect(window!.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'scanner.scanned', scan);
  });
});

describe('quitting', () => {
  it('quits when the window is closed', async () => {
    const { app, run } = setup();
    await run();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('closes the counter app once and stops serving calls', async () => {
    const { app, ipcMain, counterApp, run } = setup();
    await run();
    expect(ipcMain.handlers.has(CALL_CHANNEL)).toBe(true);
    app.emit('will-quit', {});
    app.emit('will-quit', {});
    expect(counterApp.close).toHaveBeenCalledOnce();
    expect(ipcMain.handlers.has(CALL_CHANNEL)).toBe(false);
  });
});

describe('with the real counter app', () => {
  const tempDir = useTempDir();
  const opened: CounterApp[] = [];
  afterEach(() => opened.splice(0).forEach((a) => a.close()));

  it('answers a real call from the window and refuses the same call from a sub-frame', async () => {
    const dataDir = tempDir();
    const { ipcMain, app, run } = setup({
      real: (options) => {
        const counter = startCounterApp({ ...options, dataDir, log: () => {} });
        opened.push(counter);
        return counter;
      },
    });
    await run();
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    contents.mainFrame.url = `${pathToFileURL(INDEX_HTML).href}#/`;
    const fromWindow = { sender: contents, senderFrame: contents.mainFrame };
    await expect(ipcMain.invoke(CALL_CHANNEL, fromWindow, 'system.status', undefined)).resolves.toMatchObject({
      ok: true,
      value: { state: 'ready', version: '9.8.7' },
    });
    await expect(ipcMain.invoke(CALL_CHANNEL, fromWindow, 'settings.setLanguage', { language: 'xx' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    await expect(
      ipcMain.invoke(CALL_CHANNEL, { sender: contents, senderFrame: contents.subFrame() }, 'system.status', undefined),
    ).rejects.toThrow(/Refused/);
    app.emit('will-quit', {});
    opened.length = 0; // closed by will-quit
  });

  it('keeps the display awake while the page asks, without anyone signed in, until the window closes', async () => {
    const dataDir = tempDir();
    const { ipcMain, app, blocker, run } = setup({
      real: (options) => {
        const counter = startCounterApp({ ...options, dataDir, log: () => {} });
        opened.push(counter);
        return counter;
      },
    });
    await run();
    const window = FakeBrowserWindow.instances[0]!;
    const contents = window.webContents;
    contents.mainFrame.url = `${pathToFileURL(INDEX_HTML).href}#/driver`;
    const fromWindow = { sender: contents, senderFrame: contents.mainFrame };
    await expect(ipcMain.invoke(CALL_CHANNEL, fromWindow, 'display.keepAwake', { awake: true })).resolves.toEqual({
      ok: true,
      value: { heldBy: 'main' },
    });
    expect(blocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
    window.emit('closed');
    expect(blocker.started.size).toBe(0);
    app.emit('will-quit', {});
    opened.length = 0;
  });
});
