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
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version <= 0) throw new Error(`Bad migration version ${m.version}`);
    if (i > 0 && m.version <= migrations[i - 1]!.version) throw new Error(`Migration ${m.name} is out of order`);
  });
}
