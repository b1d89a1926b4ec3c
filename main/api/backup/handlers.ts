import { isAbsolute } from 'node:path';
import { BACKUP_FOLDER_KEY, createBackup, listBackups } from '../../core/backup/backups';
import { backupFolderOf, type CounterCore } from '../../core/counter-core';
import { CoreError, fieldError } from '../../core/errors';
import type { HandlersOf } from '../call';
import type { backupCalls } from './calls';

/** What only the app can do: close the core, put the backup in place, start again. */
export interface RestoreControl {
  dataDir: string;
  restore(name: string): Promise<{ restored: string; replacedKeptIn: string }>;
}

export function backupHandlers(core: CounterCore, control: RestoreControl | undefined): HandlersOf<typeof backupCalls> {
  const folder = () => backupFolderOf(core.db, control?.dataDir ?? '');
  const list = () => ({ folder: folder(), backups: listBackups(folder()) });
  const needControl = (): RestoreControl => {
    // Handlers without an app around them (unit tests of the router) have no data folder to back up.
    if (!control) throw new CoreError('NOT_FOUND', 'Backups are not available here');
    return control;
  };
  return {
    'backups.list': list,
    'backups.create': async () => (await createBackup(core.db, needControl().dataDir, folder(), core.clock, 'manual'), list()),
    'backups.setFolder': ({ folder: chosen }) => {
      if (chosen && !isAbsolute(chosen)) throw fieldError('folder', 'fullPath', 'The backup folder must be a full path');
      if (chosen) core.settings.set(BACKUP_FOLDER_KEY, chosen);
      else core.db.prepare('DELETE FROM settings WHERE key = ?').run(BACKUP_FOLDER_KEY);
      return list();
    },
    'backups.restore': ({ name }) => needControl().restore(name),
  };
}
