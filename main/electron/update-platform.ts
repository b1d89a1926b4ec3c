import type { App } from 'electron';
import type { UpdateInfo } from 'electron-updater';
import { convert } from 'html-to-text';
import type { LoginItemControl, UpdateControl, UpdatePlatform } from '../api/updates/handlers';
import type { CounterCore } from '../core/counter-core';
import { startUpdater, type AutoUpdaterLike, type UpdaterOptions } from './updater';

export interface UpdatePlatformOptions {
  app: Pick<App, 'isPackaged' | 'setLoginItemSettings'>;
  platform: NodeJS.Platform;
  log: (message: string, error?: unknown) => void;
  /** electron-updater's autoUpdater (a fake in tests), loaded only by a packaged app. */
  loadAutoUpdater: () => AutoUpdaterLike;
  setInterval?: UpdaterOptions['setInterval'];
}

/**
 * The Electron side of updates for one core: electron-updater in a packaged app (an unpackaged one has no
 * feed to follow), and the login item where Electron supports one (Windows and macOS).
 */
export function electronUpdatePlatform(core: CounterCore, options: UpdatePlatformOptions): UpdatePlatform {
  const loginItem: LoginItemControl | undefined =
    options.platform === 'win32' || options.platform === 'darwin'
      ? { apply: (openAtLogin) => options.app.setLoginItemSettings({ openAtLogin }) }
      : undefined;
  // The manager's choice is kept in the database; the system's login list follows it at every start.
  loginItem?.apply(core.updates.openAtLogin());
  if (!options.app.isPackaged) return { loginItem };
  const updater = startUpdater({
    updater: options.loadAutoUpdater(),
    storeId: core.storeId,
    channel: core.updates.channel(),
    situation: () => ({ ...core.updateReadiness.now(), staffChoice: core.updates.staffChoice() }),
    onDownloaded: (info) => core.updates.downloaded({ version: info.version, notes: releaseNotesText(info.releaseNotes) }),
    log: options.log,
    setInterval: options.setInterval,
  });
  const control: UpdateControl = {
    pending: () => updater.pending(),
    reconsider: () => void updater.reconsider(),
    useChannel: (channel) => updater.useChannel(channel),
  };
  return { updater: control, loginItem };
}

/** The feed's notes as plain text (a string or one note per version, often HTML): the renderer shows text only. */
export function releaseNotesText(notes: UpdateInfo['releaseNotes']): string {
  const html = typeof notes === 'string' ? notes : (notes ?? []).map((note) => `<h2>${note.version}</h2>${note.note ?? ''}`).join('');
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  }).slice(0, 20_000);
}
