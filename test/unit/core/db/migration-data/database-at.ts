import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { expect } from 'vitest';
import { migrate, schemaVersion } from '../../../../../main/core/db/migrate';
import { migrations } from '../../../../../main/core/db/migrations';

/** A database file at schema version `version`, as an app of that version left it. */
export function databaseAt(dir: string, version: number): BetterSqlite3.Database {
  const db = new BetterSqlite3(join(dir, `at-${version}.sqlite`));
  db.pragma('foreign_keys = ON');
  migrateTo(db, version);
  return db;
}

/** Runs the migrations up to and including `version`, as an app of that version would. */
export function migrateTo(db: BetterSqlite3.Database, version: number): void {
  migrate(
    db,
    migrations.filter((m) => m.version <= version),
  );
  expect(schemaVersion(db)).toBe(version);
}

/** The version just before `version`. */
export function versionBefore(version: number): number {
  const index = migrations.findIndex((m) => m.version === version);
  if (index < 1) throw new Error(`No migration before ${version}`);
  return migrations[index - 1]!.version;
}

/** Every row of every table, in rowid order: what must come through a migration unchanged. */
export function everyRow(db: BetterSqlite3.Database, except: readonly string[] = []): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string; withoutRowid: number }>(
      "SELECT name, sql LIKE '%WITHOUT ROWID%' AS withoutRowid FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .filter((t) => !except.includes(t.name));
  return Object.fromEntries(
    tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${t.withoutRowid ? '1' : 'rowid'}`).all()]),
  );
}

/** Checks that `statement` is refused with `reason` (a CHECK, a key, a trigger). */
export function refusedBy(db: BetterSqlite3.Database): (statement: string, reason: RegExp) => void {
  return (statement, reason) => expect(() => db.prepare(statement).run(), statement).toThrow(reason);
}

/** The tables a migration created hold no row yet. */
export function expectEmpty(db: BetterSqlite3.Database, tables: readonly string[]): void {
  for (const table of tables) expect(db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get(), table).toBe(0);
}
