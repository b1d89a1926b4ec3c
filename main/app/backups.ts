import { join } from 'node:path';
import { backupFolderOf, BACKUPS_DIR_NAME, checkBackup, createBackup, listBackups, replaceLiveDatabase } from '../core/backup/backups';
import type { CounterCore } from '../core/counter-core';
import { CoreError } from '../core/errors';
import type { Clock } from '../core/clock';

/** Where backups are: the folder the settings name, else inside the data folder (also when the database is unreadable). */
export function backupFolderFor(dataDir: string, core: CounterCore | undefined): string {
  return core ? backupFolderOf(core.db, dataDir) : join(dataDir, BACKUPS_DIR_NAME);
}

/** The first start of each (UTC) day takes a backup with the backup API; the rotation keeps 7 daily and 4 weekly. */
export async function dailyBackup(core: CounterCore, dataDir: string): Promise<void> {
  const folder = backupFolderOf(core.db, dataDir);
  const today = Math.floor(core.clock.now() / 86_400_000);
  if (listBackups(folder).some((b) => b.kind !== 'pre-migration' && Math.floor(b.at / 86_400_000) === today)) return;
  await createBackup(core.db, dataDir, folder, core.clock, 'daily');
}

/**
 * Checks the backup (integrity and custody chain) before anything is
 * replaced, closes the running core, puts the backup in place with the
 * replaced files kept aside, and starts a core again (also when the
 * replacement failed, so the app is never left without one).
 */
export async function restoreBackup(
  options: { dataDir: string; clock: Clock; log?: (message: string) => void },
  running: { core: CounterCore | undefined; close(): void },
  name: string,
  startAgain: () => void,
): Promise<{ restored: string; replacedKeptIn: string }> {
  const folder = backupFolderFor(options.dataDir, running.core);
  if (!listBackups(folder).some((b) => b.name === name)) throw new CoreError('NOT_FOUND', `No backup ${name}`);
  const check = checkBackup(folder, name);
  if (!check.ok) throw new CoreError('BACKUP_DAMAGED', `Backup ${name} failed its ${check.problem} check: ${check.detail}`);
  running.close();
  let replacedKeptIn: string;
  try {
    replacedKeptIn = replaceLiveDatabase(options.dataDir, folder, name, options.clock.now());
  } finally {
    startAgain();
  }
  options.log?.(`restored backup ${name}; the replaced files are in ${replacedKeptIn}`);
  return { restored: name, replacedKeptIn };
}
