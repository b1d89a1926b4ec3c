import type { UpdateInfo } from 'electron-updater';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rolloutBucket } from '../../../main/core/updates/update-policy';
import { CHECK_EVERY_MS, RECONSIDER_EVERY_MS, startUpdater, type CounterSituation } from '../../../main/electron/updater';
import { FakeAutoUpdater } from './fakes';

const fake = { autoUpdater: new FakeAutoUpdater() };

const STORE = 'store-milano-7';
const release = (stagingPercentage?: number): UpdateInfo =>
  ({ version: '1.2.0', files: [], path: 'x', sha512: 'x', releaseDate: '2026-12-01', stagingPercentage }) as UpdateInfo;

let situation: CounterSituation;
let timers: { run: () => void; ms: number }[];
let log: ReturnType<typeof vi.fn<(message: string, error?: unknown) => void>>;

function start() {
  return startUpdater({
    updater: fake.autoUpdater,
    storeId: STORE,
    situation: () => situation,
    log,
    setInterval: (run, ms) => (timers.push({ run, ms }), {}),
  });
}
const tick = (ms: number) => timers.filter((t) => t.ms === ms).forEach((t) => t.run());

beforeEach(() => {
  const updater = fake.autoUpdater;
  updater.listeners.clear();
  updater.checkForUpdates.mockClear();
  updater.quitAndInstall.mockClear();
  situation = { openFlow: false, runningDeadline: false, insideOpeningHours: false, staffChoice: 'none' };
  timers = [];
  log = vi.fn();
});

describe('updater wrapper', () => {
  it('downloads in the background, never installs on quit, and checks at start and every 4 hours', () => {
    start();
    expect(fake.autoUpdater.autoDownload).toBe(true);
    expect(fake.autoUpdater.autoInstallOnAppQuit).toBe(false);
    expect(fake.autoUpdater.checkForUpdates).toHaveBeenCalledOnce();
    tick(CHECK_EVERY_MS);
    expect(fake.autoUpdater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('installs a downloaded update at once in a closed, quiet shop', () => {
    start();
    fake.autoUpdater.emit('update-downloaded', release());
    expect(fake.autoUpdater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('waits through an open flow, then installs when it is reconsidered after the flow closed', () => {
    situation.openFlow = true;
    start();
    fake.autoUpdater.emit('update-downloaded', release());
    tick(RECONSIDER_EVERY_MS);
    expect(fake.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    situation.openFlow = false;
    tick(RECONSIDER_EVERY_MS);
    expect(fake.autoUpdater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it("waits on a manager's restart now while a deadline runs", () => {
    situation = { ...situation, staffChoice: 'restart-now', runningDeadline: true, insideOpeningHours: true };
    const updater = start();
    fake.autoUpdater.emit('update-downloaded', release());
    expect(updater.reconsider()).toEqual({ action: 'wait', reason: 'running-deadline' });
    situation.runningDeadline = false;
    expect(updater.reconsider()).toEqual({ action: 'install' });
    expect(fake.autoUpdater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('reconsiders nothing before a download', () => {
    start();
    tick(RECONSIDER_EVERY_MS);
    expect(fake.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
  });

  it("places the store in the staged rollout by its own bucket, for electron-updater's download too", async () => {
    start();
    const bucket = rolloutBucket(STORE);
    expect(await fake.autoUpdater.isUserWithinRollout(release(bucket))).toBe(false);
    expect(await fake.autoUpdater.isUserWithinRollout(release(bucket + 1))).toBe(true);
    fake.autoUpdater.emit('update-downloaded', release(bucket));
    expect(fake.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('logs a failed check instead of throwing', async () => {
    fake.autoUpdater.checkForUpdates.mockRejectedValueOnce(new Error('feed down'));
    start();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('update check failed', expect.any(Error)));
  });
});
