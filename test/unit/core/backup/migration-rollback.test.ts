import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCounterApp } from '../../../../main/app/start';
import { BACKUPS_DIR_NAME, listBackups } from '../../../../main/core/backup/backups';
import { ManualClock } from '../../../../main/core/clock';
import { migrate, schemaVersion } from '../../../../main/core/db/migrate';
import type { Migration } from '../../../../main/core/db/migration';
import { migrations } from '../../../../main/core/db/migrations';
import { DATABASE_FILE_NAME } from '../../../../main/core/db/open';
import { TEST_START } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';
import { everyRow } from '../db/migration-data/database-at';

const tempDir = useTempDir();
const OLD_VERSION = 170;

/** The live file of a shop that last ran the version whose newest migration was 170, with data in it. */
function shopAtOldVersion(dataDir: string): void {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME));
  db.pragma('journal_mode = WAL');
  migrate(
    db,
    migrations.filter((m) => m.version <= OLD_VERSION),
  );
  db.exec(`
    INSERT INTO settings (key, value, updated_at) VALUES ('store.id', 'ST-OLD', 1), ('ui.language', 'fr', 2);
    INSERT INTO service_customers (id, name, zone, created_at) VALUES (1, 'Rossi', 'north', 3), (2, 'Bianchi', NULL, 4);
    INSERT INTO service_technicians (id, name, skills_json, week_json, created_at) VALUES (1, 'Marco', '["gas"]', '[]', 5);
  `);
  db.close();
}

/** What must come back after a failed run: the schema, the version and every row. */
function snapshot(file: string): { version: number; schema: unknown[]; rows: Record<string, unknown[]> } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return {
      version: schemaVersion(db),
      schema: db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all(),
      rows: everyRow(db),
    };
  } finally {
    db.close();
  }
}

/** This version's migrations, and after them one that throws: 180 commits, the next one fails. */
function migrationsWithBrokenLast(): Migration[] {
  const broken: Migration = {
    version: migrations.at(-1)!.version + 10,
    name: 'broken',
    up: (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER)');
      throw new Error('cannot convert this file');
    },
  };
  return [...migrations, broken];
}

describe('a migration that fails', () => {
  it('puts the backup from before the run back in place, keeps the failed file aside and says which version it could not reach', async () => {
    const dataDir = tempDir();
    shopAtOldVersion(dataDir);
    const live = join(dataDir, DATABASE_FILE_NAME);
    const before = snapshot(live);
    const list = migrationsWithBrokenLast();

    const app = startCounterApp({
      dataDir,
      clock: new ManualClock(TEST_START),
      version: '2.0.0',
      log: () => {},
      core: { migrations: list },
    });
    app.close();

    const status = app.status;
    expect(status).toMatchObject({
      state: 'database-error',
      reason: 'migration-failed',
      migration: { failedVersion: list.at(-1)!.version },
      backup: null,
    });
    // The live file is the old version's data again, row for row, at its own version.
    expect(snapshot(live)).toEqual(before);
    expect(readdirSync(dataDir).filter((name) => name.startsWith(DATABASE_FILE_NAME))).toEqual([DATABASE_FILE_NAME]);

    // The file the failed run left (migration 180 committed, the broken one rolled back) is kept, owner-only.
    const keptAside = status.state === 'database-error' ? status.migration!.keptAside : '';
    expect(keptAside).toBe(join(dataDir, basename(keptAside)));
    expect(basename(keptAside)).toMatch(/^migration-failed-/);
    const failed = snapshot(join(keptAside, DATABASE_FILE_NAME));
    expect(failed.version).toBe(migrations.at(-1)!.version);
    expect(failed.rows).toMatchObject(before.rows);
    expect(statSync(keptAside).mode & 0o777).toBe(0o700);
    expect(statSync(join(keptAside, DATABASE_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(statSync(live).mode & 0o777).toBe(0o600);

    expect(listBackups(join(dataDir, BACKUPS_DIR_NAME)).map((b) => b.kind)).toEqual(['pre-migration']);
  });

  it('leaves a file the previous version opens as it did before', async () => {
    const dataDir = tempDir();
    shopAtOldVersion(dataDir);
    const failedRun = startCounterApp({
      dataDir,
      clock: new ManualClock(TEST_START),
      version: '2.0.0',
      log: () => {},
      core: { migrations: migrationsWithBrokenLast() },
    });
    failedRun.close();
    expect(failedRun.status).toMatchObject({ reason: 'migration-failed' });

    const previous = startCounterApp({
      dataDir,
      clock: new ManualClock(TEST_START),
      version: '1.9.0',
      log: () => {},
      core: { migrations: migrations.filter((m) => m.version <= OLD_VERSION) },
    });
    try {
      expect(previous.status).toMatchObject({ state: 'ready', storeId: 'ST-OLD' });
      expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(true);
    } finally {
      previous.close();
    }
  });
});
