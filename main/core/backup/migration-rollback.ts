import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { MigrationFailedError } from '../db/migrate';
import type { Migration } from '../db/migration';
import { DATABASE_FILE_NAME, openDatabase } from '../db/open';
import { backupFolderOf, createPreMigrationBackup, replaceLiveDatabase } from './backups';

/** Where the file a failed migration left is kept, in the data folder: `migration-failed-<time>`. */
export const MIGRATION_FAILED_PREFIX = 'migration-failed';

/** A migration failed, and the backup taken just before the run is back in place: the data is as the previous version left it. */
export class MigrationRolledBackError extends Error {
  constructor(
    readonly failure: MigrationFailedError,
    /** The folder in the data folder holding the file the failed run left (never deleted). */
    readonly keptAside: string,
  ) {
    super(`${failure.message}; the backup taken before it was put back, the failed file is kept in ${keptAside}`, { cause: failure });
    this.name = 'MigrationRolledBackError';
  }
}

/**
 * Opens the live database, backing it up before any migration. When a
 * migration throws, earlier migrations of the same run are already
 * committed, so the file is neither the old schema nor the new one: the
 * backup replaces it (the restore's own checks and keep-aside), and the
 * next version of the app finds the data as this one found it.
 */
export function openWithMigrationRollback(dataDir: string, clock: Clock, migrations?: readonly Migration[]): Database {
  let backup: { folder: string; name: string } | undefined;
  try {
    return openDatabase(join(dataDir, DATABASE_FILE_NAME), {
      migrations,
      beforeMigration: (opened) => {
        const folder = backupFolderOf(opened, dataDir);
        backup = { folder, name: createPreMigrationBackup(opened, dataDir, folder, clock.now()).name };
      },
    });
  } catch (error) {
    if (!(error instanceof MigrationFailedError) || !backup) throw error;
    const keptAside = replaceLiveDatabase(dataDir, backup.folder, backup.name, clock.now(), MIGRATION_FAILED_PREFIX);
    throw new MigrationRolledBackError(error, keptAside);
  }
}
