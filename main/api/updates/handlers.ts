import type { CounterCore } from '../../core/counter-core';
import type { UpdateChannel } from '../../core/updates/update-shapes';
import type { UpdateDecision } from '../../core/updates/update-policy';
import type { HandlersOf } from '../call';
import type { updatesCalls } from './calls';
import type { UpdateStatus } from './schemas';

/** The updater of the process (electron-updater in the packaged app); the browser host has none. */
export interface UpdateControl {
  /** The downloaded update and what the policy says of it now; undefined before a download. */
  pending(): { version: string; decision: UpdateDecision } | undefined;
  /** Asks the policy again (a manager chose), installing if it allows. */
  reconsider(): void;
  /** The feed to follow from the next check on. */
  useChannel(channel: UpdateChannel): void;
}

/** Registers the app to open at login (Electron's login item); absent where the process cannot. */
export interface LoginItemControl {
  apply(openAtLogin: boolean): void;
}

export interface UpdatePlatform {
  updater?: UpdateControl;
  loginItem?: LoginItemControl;
}

/** Updates, release notes and opening at login: the choices live in core, the process carries them out. */
export function updatesHandlers(
  core: Pick<CounterCore, 'updates'>,
  version: string,
  platform: UpdatePlatform = {},
): HandlersOf<typeof updatesCalls> {
  const { updates } = core;
  const status = (): UpdateStatus => {
    const pending = platform.updater?.pending();
    return {
      version,
      channel: updates.channel(),
      updater: platform.updater ? 'running' : 'unavailable',
      downloaded: pending
        ? { version: pending.version, waitReason: pending.decision.action === 'wait' ? pending.decision.reason : null }
        : null,
      staffChoice: updates.staffChoice(),
      releaseNotes: updates.releaseNotes(version),
      openAtLogin: updates.openAtLogin(),
      openAtLoginSupported: platform.loginItem !== undefined,
    };
  };
  const choose = (choice: 'restart-now' | 'later') => {
    updates.choose(choice);
    platform.updater?.reconsider();
    return status();
  };
  return {
    'updates.status': status,
    'updates.setChannel': ({ channel }) => {
      updates.setChannel(channel);
      platform.updater?.useChannel(channel);
      return status();
    },
    'updates.restartNow': () => choose('restart-now'),
    'updates.later': () => choose('later'),
    'updates.releaseNotesSeen': () => {
      updates.releaseNotesSeen(version);
      return status();
    },
    'updates.setOpenAtLogin': ({ openAtLogin }) => {
      updates.setOpenAtLogin(openAtLogin);
      platform.loginItem?.apply(openAtLogin);
      return status();
    },
  };
}
