import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`The database was written by a newer OpenCounter (schema ${found}, this app knows ${known})`);
    this.name = 'SchemaTooNewError';
  }
}

/** A migration threw: its transaction rolled back, but earlier migrations of the same run stay committed. */
export class MigrationFailedError extends Error {
  constructor(
    /** The user_version the file had before this run. */
    readonly from: number,
    /** The version of the migration that failed: the one the file could not reach. */
    readonly failedVersion: number,
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(`Migration ${failedVersion} (${migrationName}) failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationFailedError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to the newest migration. Each migration and its
 * version bump commit together, so a crash leaves the database at a known
 * version. Running it again on an up-to-date database does nothing.
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): number {
  assertOrdered(migrations);
  const current = schemaVersion(db);
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) throw new SchemaTooNewError(current, newest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    try {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (error) {
      throw new MigrationFailedError(current, migration.version, migration.name, error);
    }
  }
  return schemaVersion(db);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version <= 0) throw new Error(`Bad migration version ${m.version}`);
    if (i > 0 && m.version <= migrations[i - 1]!.version) throw new Error(`Migration ${m.name} is out of order`);
  });
}
