import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, SchemaTooNewError, schemaVersion } from '../../../../main/core/db/migrate';
import type { Migration } from '../../../../main/core/db/migration';
import { migrations } from '../../../../main/core/db/migrations';
import { DatabaseIntegrityError, openDatabase } from '../../../../main/core/db/open';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();

function tables(db: BetterSqlite3.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);
}

describe('migrations', () => {
  it('bring an empty database to the newest version', () => {
    const db = openDatabase(join(tempDir(), 'a.sqlite'));
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    expect(tables(db)).toEqual(expect.arrayContaining(['settings', 'networks', 'network_secrets']));
    db.close();
  });

  it('are idempotent: re-running on an up-to-date database changes nothing', () => {
    const file = join(tempDir(), 'b.sqlite');
    const db = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 1)").run();
    const before = { version: schemaVersion(db), tables: tables(db) };
    expect(migrate(db)).toBe(before.version);
    db.close();
    const reopened = openDatabase(file);
    expect({ version: schemaVersion(reopened), tables: tables(reopened) }).toEqual(before);
    expect(reopened.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('v');
    reopened.close();
  });

  it('keep rows written at version N-1 when migrating to N', () => {
    const db = new BetterSqlite3(join(tempDir(), 'c.sqlite'));
    const first: Migration = { version: 10, name: 'a', up: (d) => d.exec('CREATE TABLE t (x INTEGER)') };
    const second: Migration = { version: 20, name: 'b', up: (d) => d.exec('ALTER TABLE t ADD COLUMN y TEXT') };
    migrate(db, [first]);
    db.prepare('INSERT INTO t (x) VALUES (1)').run();
    migrate(db, [first, second]);
    expect(db.prepare('SELECT x, y FROM t').all()).toEqual([{ x: 1, y: null }]);
    expect(schemaVersion(db)).toBe(20);
    db.close();
  });

  it('roll a failing migration back whole, leaving the version where it was', () => {
    const db = new BetterSqlite3(join(tempDir(), 'd.sqlite'));
    const ok: Migration = { version: 10, name: 'ok', up: (d) => d.exec('CREATE TABLE t (x INTEGER)') };
    const broken: Migration = {
      version: 20,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [ok, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(10);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('refuse a database written by a newer app version', () => {
    const file = join(tempDir(), 'e.sqlite');
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 99999');
    db.close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
  });

  it('refuse migrations listed out of order', () => {
    const db = new BetterSqlite3(':memory:');
    const a: Migration = { version: 20, name: 'a', up: () => {} };
    const b: Migration = { version: 10, name: 'b', up: () => {} };
    expect(() => migrate(db, [a, b])).toThrow(/out of order/);
  });
});

describe('opening the database', () => {
  it('uses WAL, full sync and foreign keys', () => {
    const db = openDatabase(join(tempDir(), 'f.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('fails with an integrity error on a damaged file', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    const file = join(tempDir(), 'g.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE filler (x TEXT); CREATE INDEX filler_x ON filler (x);');
    const insert = db.prepare('INSERT INTO filler (x) VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row-${i}-${'x'.repeat(50)}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    // Scribble over pages in the middle of the file, past the header.
    for (let i = 8192; i < 8192 + 4096 * 3; i += 7) bytes[i] = 0xa5;
    writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(DatabaseIntegrityError);
  });
});

describe('migration 120', () => {
  it('marks the parcels received unannounced before it as waiting for their announcement, and only those', () => {
    const db = new BetterSqlite3(join(tempDir(), 'late.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      migrations.filter((m) => m.version < 120),
    );
    db.exec(`INSERT OR IGNORE INTO staff (id, display_name, role, created_at) VALUES ('counter', 'Counter', 'clerk', 0)`);
    db.prepare(`INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'N', 'demo', '{}', 1, 0)`).run();
    const parcel = db.prepare(
      `INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES ('n1', ?, ?, 'medium', x'00', 'received', 0, 0)`,
    );
    const event = db.prepare(
      `INSERT INTO custody_events (parcel_id, from_state, to_state, at, actor_id, method, reason) VALUES (?, ?, ?, 0, 'counter', 'scanner', ?)`,
    );
    const late = Number(parcel.run('LATE1', '').lastInsertRowid);
    event.run(late, null, 'expected', 'not-announced');
    event.run(late, 'expected', 'received', 'unexpected');
    const announced = Number(parcel.run('ANN1', 'Anna').lastInsertRowid);
    event.run(announced, null, 'expected', 'announced');
    migrate(db, migrations);
    expect(db.prepare('SELECT tracking_id, awaiting_announcement FROM parcels ORDER BY id').all()).toEqual([
      { tracking_id: 'LATE1', awaiting_announcement: 1 },
      { tracking_id: 'ANN1', awaiting_announcement: 0 },
    ]);
    db.close();
  });
});
