import type { UpdateInfo } from 'electron-updater';
import { decideUpdate, rolloutBucket, type UpdateDecision, type UpdateSituation } from '../core/updates/update-policy';
import type { UpdateChannel } from '../core/updates/update-shapes';

/** The part of electron-updater's autoUpdater this wrapper drives (the real one, or a fake in tests). */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  channel: string | null;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  isUserWithinRollout: (info: UpdateInfo) => boolean | Promise<boolean>;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: UpdateInfo) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the counter knows right now; the wrapper adds what it knows of the update itself. */
export type CounterSituation = Omit<UpdateSituation, 'updateDownloaded' | 'rolloutPercent' | 'storeBucket'>;

export interface UpdaterOptions {
  /** electron-updater's autoUpdater (a fake in tests). */
  updater: AutoUpdaterLike;
  storeId: string;
  situation: () => CounterSituation;
  log: (message: string, error?: unknown) => void;
  /** The feed followed at start; `useChannel` changes it. */
  channel?: UpdateChannel;
  /** An update finished downloading (its release notes are kept for after the restart). */
  onDownloaded?: (info: UpdateInfo) => void;
  setInterval?: (run: () => void, ms: number) => { unref?: () => void };
}

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
/** A downloaded update is reconsidered this often: flows close and the shop closes without telling the updater. */
export const RECONSIDER_EVERY_MS = 5 * 60 * 1000;

export interface Updater {
  /** Asks the policy again (after a flow closed, or a manager chose "restart now") and installs if it allows. */
  reconsider(): UpdateDecision;
  /** The downloaded update and what the policy says of it now. */
  pending(): { version: string; decision: UpdateDecision } | undefined;
  /** Follows the stable or the beta feed from the next check on, and checks at once. */
  useChannel(channel: UpdateChannel): void;
}

/**
 * Checks the feed at start and every 4 hours and lets electron-updater download in the background; installs
 * only when the update policy says so, never on quit (a quit in the middle of a day is not a decision).
 */
export function startUpdater(options: UpdaterOptions): Updater {
  const { log } = options;
  const { updater } = options;
  const every = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  const bucket = rolloutBucket(options.storeId);
  let downloaded: UpdateInfo | undefined;

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.isUserWithinRollout = (info) => bucket < rolloutPercent(info);
  const follow = (channel: UpdateChannel) => {
    updater.channel = channel === 'beta' ? 'beta' : 'latest';
    updater.allowPrerelease = channel === 'beta';
    // electron-updater allows downgrades once a channel is set: a stable build older than the beta running
    // would then find a database from a newer version and refuse to start.
    updater.allowDowngrade = false;
  };
  follow(options.channel ?? 'stable');

  const check = () => void updater.checkForUpdates().catch((error: unknown) => log('update check failed', error));
  const decide = (): UpdateDecision =>
    decideUpdate({
      ...options.situation(),
      updateDownloaded: downloaded !== undefined,
      rolloutPercent: downloaded ? rolloutPercent(downloaded) : 0,
      storeBucket: bucket,
    });
  const reconsider = (): UpdateDecision => {
    const decision = decide();
    if (decision.action === 'install') {
      log(`installing update ${downloaded?.version}`);
      updater.quitAndInstall(false, true);
    }
    return decision;
  };

  updater.on('error', (error) => log('updater failed', error));
  updater.on('update-downloaded', (info) => {
    downloaded = info;
    options.onDownloaded?.(info);
    reconsider();
  });
  check();
  every(check, CHECK_EVERY_MS).unref?.();
  every(() => downloaded && reconsider(), RECONSIDER_EVERY_MS).unref?.();
  return {
    reconsider,
    pending: () => (downloaded ? { version: downloaded.version, decision: decide() } : undefined),
    useChannel: (channel) => {
      follow(channel);
      check();
    },
  };
}

/** electron-builder's stagingPercentage in latest.yml; a release without one goes to every store. */
function rolloutPercent(info: UpdateInfo): number {
  return info.stagingPercentage ?? 100;
}
