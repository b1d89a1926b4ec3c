import { autoUpdater, type UpdateInfo } from 'electron-updater';
import { decideUpdate, rolloutBucket, type UpdateDecision, type UpdateSituation } from '../core/updates/update-policy';

/** The part of electron-updater's autoUpdater this wrapper drives (the real one, or a fake in tests). */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  isUserWithinRollout: (info: UpdateInfo) => boolean | Promise<boolean>;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: UpdateInfo) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the counter knows right now; the wrapper adds what it knows of the update itself. */
export type CounterSituation = Omit<UpdateSituation, 'updateDownloaded' | 'rolloutPercent' | 'storeBucket'>;

export interface UpdaterOptions {
  /** electron-updater's autoUpdater unless a test passes another. */
  updater?: AutoUpdaterLike;
  storeId: string;
  situation: () => CounterSituation;
  log: (message: string, error?: unknown) => void;
  setInterval?: (run: () => void, ms: number) => { unref?: () => void };
}

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
/** A downloaded update is reconsidered this often: flows close and the shop closes without telling the updater. */
export const RECONSIDER_EVERY_MS = 5 * 60 * 1000;

export interface Updater {
  /** Asks the policy again (after a flow closed, or a manager chose "restart now") and installs if it allows. */
  reconsider(): UpdateDecision;
}

/**
 * Checks the feed at start and every 4 hours and lets electron-updater download in the background; installs
 * only when the update policy says so, never on quit (a quit in the middle of a day is not a decision).
 */
export function startUpdater(options: UpdaterOptions): Updater {
  const { log } = options;
  const updater: AutoUpdaterLike = options.updater ?? autoUpdater;
  const every = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  const bucket = rolloutBucket(options.storeId);
  let downloaded: UpdateInfo | undefined;

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.isUserWithinRollout = (info) => bucket < rolloutPercent(info);

  const check = () => void updater.checkForUpdates().catch((error: unknown) => log('update check failed', error));
  const reconsider = (): UpdateDecision => {
    const decision = decideUpdate({
      ...options.situation(),
      updateDownloaded: downloaded !== undefined,
      rolloutPercent: downloaded ? rolloutPercent(downloaded) : 0,
      storeBucket: bucket,
    });
    if (decision.action === 'install') {
      log(`installing update ${downloaded?.version}`);
      updater.quitAndInstall(false, true);
    }
    return decision;
  };

  updater.on('error', (error) => log('updater failed', error));
  updater.on('update-downloaded', (info) => {
    downloaded = info;
    reconsider();
  });
  check();
  every(check, CHECK_EVERY_MS).unref?.();
  every(() => downloaded && reconsider(), RECONSIDER_EVERY_MS).unref?.();
  return { reconsider };
}

/** electron-builder's stagingPercentage in latest.yml; a release without one goes to every store. */
function rolloutPercent(info: UpdateInfo): number {
  return info.stagingPercentage ?? 100;
}
