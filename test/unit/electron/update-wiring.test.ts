import type { UpdateInfo } from 'electron-updater';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCounterApp, type CounterApp, type CounterAppOptions } from '../../../main/app/start';
import { ManualClock } from '../../../main/core/clock';
import { CALL_CHANNEL } from '../../../main/electron/channels';
import { runElectronMain, type ElectronMainDeps } from '../../../main/electron/main-process';
import { releaseNotesText } from '../../../main/electron/update-platform';
import { TEST_START } from '../../fixtures/core';
import { scanner } from '../../fixtures/counter';
import { useTempDir } from '../../fixtures/temp-dir';
import {
  FakeApp,
  FakeAutoUpdater,
  FakeBrowserWindow,
  FakeCrashReporter,
  FakeIpcMain,
  FakePowerSaveBlocker,
  FakeProcessEvents,
  FakeSafeStorage,
} from './fakes';

const OUT = '/opt/OpenCounter/resources/app.asar/out';
const tempDir = useTempDir();
const opened: CounterApp[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));

const release = (version: string, releaseNotes: UpdateInfo['releaseNotes'] = null): UpdateInfo =>
  ({ version, files: [], path: 'x', sha512: 'x', releaseDate: '2026-12-01', releaseNotes }) as UpdateInfo;

/** The Electron main process with Electron faked, on a real counter app and database in `dataDir`. */
async function electron(options: { dataDir?: string; packaged?: boolean; platform?: NodeJS.Platform; version?: string } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const app = new FakeApp();
  app.isPackaged = options.packaged ?? true;
  app.getVersion.mockReturnValue(options.version ?? '1.1.0');
  app.paths.set('userData', dataDir);
  const ipcMain = new FakeIpcMain();
  const updater = new FakeAutoUpdater();
  const crashReporter = new FakeCrashReporter();
  const processEvents = new FakeProcessEvents();
  const log = vi.fn<(message: string, error?: unknown) => void>();
  let counterApp: CounterApp | undefined;
  const deps: ElectronMainDeps = {
    app: app as unknown as ElectronMainDeps['app'],
    BrowserWindow: FakeBrowserWindow as unknown as ElectronMainDeps['BrowserWindow'],
    ipcMain: ipcMain as unknown as ElectronMainDeps['ipcMain'],
    safeStorage: new FakeSafeStorage(),
    powerSaveBlocker: new FakePowerSaveBlocker(),
    crashReporter,
    processEvents,
    platform: options.platform ?? 'win32',
    loadAutoUpdater: () => updater,
    argv: [],
    env: {},
    outDir: OUT,
    startCounterApp: (appOptions: CounterAppOptions) => {
      counterApp = startCounterApp({ ...appOptions, clock: new ManualClock(TEST_START) });
      opened.push(counterApp);
      return counterApp;
    },
    log,
  };
  await runElectronMain(deps);
  const contents = FakeBrowserWindow.instances.at(-1)!.webContents;
  contents.mainFrame.url = `${pathToFileURL(join(OUT, 'renderer', 'index.html')).href}#/`;
  const call = async (name: string, input?: unknown) => {
    const answer = (await ipcMain.invoke(CALL_CHANNEL, { sender: contents, senderFrame: contents.mainFrame }, name, input)) as {
      ok: boolean;
      value?: unknown;
      error?: unknown;
    };
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.value as Record<string, unknown>;
  };
  const quit = () => {
    app.emit('will-quit', {});
    opened.splice(opened.indexOf(counterApp!), 1);
  };
  return { app, updater, crashReporter, processEvents, log, call, counterApp: counterApp!, dataDir, quit };
}

describe('updates in the Electron app', () => {
  it('checks the feed at start of a packaged app and installs a download at once in a closed, quiet shop', async () => {
    const { updater, call } = await electron();
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: false,
      channel: 'latest',
      allowPrerelease: false,
      allowDowngrade: false,
    });
    updater.emit('update-downloaded', release('1.2.0'));
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
    expect(await call('updates.status')).toMatchObject({ updater: 'running', downloaded: { version: '1.2.0', waitReason: null } });
  });

  it("waits for an open delivery to close, even on a manager's restart now, then installs", async () => {
    const { updater, call, counterApp } = await electron();
    const delivery = counterApp.core!.counter.deliveries.handOver('demo-it', scanner);
    updater.emit('update-downloaded', release('1.2.0'));
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(await call('updates.status')).toMatchObject({ downloaded: { version: '1.2.0', waitReason: 'open-flow' } });
    expect(await call('updates.restartNow')).toMatchObject({ staffChoice: 'restart-now', downloaded: { waitReason: 'open-flow' } });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    counterApp.core!.counter.deliveries.complete(delivery.id);
    await call('updates.restartNow');
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('waits for closing time inside opening hours unless a manager restarts now', async () => {
    const { updater, call } = await electron();
    const always = [{ opens: '00:00', closes: '24:00' }];
    await call('hours.save', { week: Array.from({ length: 7 }, () => always), exceptions: [] });
    updater.emit('update-downloaded', release('1.2.0'));
    expect(await call('updates.status')).toMatchObject({ downloaded: { waitReason: 'opening-hours' } });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    await call('updates.restartNow');
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('shows the release notes as text once the new version runs, until staff close them', async () => {
    const dataDir = tempDir();
    const before = await electron({ dataDir });
    await before.call('hours.save', { week: Array.from({ length: 7 }, () => [{ opens: '00:00', closes: '24:00' }]), exceptions: [] });
    before.updater.emit('update-downloaded', release('1.2.0', '<p>Faster <b>pickups</b></p><script>alert(1)</script>'));
    expect((await before.call('updates.status')).releaseNotes).toBeNull();
    before.quit();
    const after = await electron({ dataDir, version: '1.2.0' });
    expect((await after.call('updates.status')).releaseNotes).toEqual({ version: '1.2.0', notes: 'Faster pickups' });
    expect((await after.call('updates.releaseNotesSeen')).releaseNotes).toBeNull();
  });

  it('follows the beta feed when a manager chooses it, never downgrading, and checks at once', async () => {
    const { updater, call } = await electron();
    expect(await call('updates.setChannel', { channel: 'beta' })).toMatchObject({ channel: 'beta' });
    expect(updater).toMatchObject({ channel: 'beta', allowPrerelease: true, allowDowngrade: false });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('runs no updater in an unpackaged app', async () => {
    const { updater, call } = await electron({ packaged: false });
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(await call('updates.status')).toMatchObject({ updater: 'unavailable', downloaded: null, version: '1.1.0', channel: 'stable' });
  });
});

describe('open at login', () => {
  it('registers the app at login as a manager sets it, and again at every start', async () => {
    const dataDir = tempDir();
    const first = await electron({ dataDir });
    expect(first.app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({ openAtLogin: false });
    expect(await first.call('updates.setOpenAtLogin', { openAtLogin: true })).toMatchObject({
      openAtLogin: true,
      openAtLoginSupported: true,
    });
    expect(first.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
    first.quit();
    const second = await electron({ dataDir });
    expect(second.app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({ openAtLogin: true });
  });

  it('says where Electron has no login item (Linux)', async () => {
    const { app, call } = await electron({ platform: 'linux' });
    expect(await call('updates.setOpenAtLogin', { openAtLogin: true })).toMatchObject({ openAtLogin: true, openAtLoginSupported: false });
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

describe('crash reporting', () => {
  it('keeps crash dumps in the log folder, never uploads them, and logs uncaught errors', async () => {
    const { app, crashReporter, processEvents, log, dataDir } = await electron();
    expect(app.setPath).toHaveBeenCalledWith('crashDumps', join(dataDir, 'logs', 'crashes'));
    expect(crashReporter.start).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ uploadToServer: false }));
    const thrown = new Error('boom');
    processEvents.emit('uncaughtException', thrown);
    processEvents.emit('unhandledRejection', 'rejected');
    expect(log).toHaveBeenCalledWith('uncaught exception in the main process', thrown);
    expect(log).toHaveBeenCalledWith('unhandled promise rejection in the main process', 'rejected');
  });
});

describe('release notes text', () => {
  it('turns HTML or per-version notes into plain text without links or scripts', () => {
    expect(releaseNotesText('<h2>1.2.0</h2><p>Faster &amp; <a href="https://x.example">safer</a></p><script>alert(1)</script>')).toBe(
      '1.2.0\n\nFaster & safer',
    );
    expect(
      releaseNotesText([
        { version: '1.2.0', note: '<p>One</p>' },
        { version: '1.1.5', note: null },
      ]),
    ).toMatch(/^1\.2\.0\n\nOne\n+1\.1\.5$/);
    expect(releaseNotesText(null)).toBe('');
  });
});
