import BetterSqlite3, { type Database } from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, schemaVersion } from './migrate';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';

export const DATABASE_FILE_NAME = 'opencounter.sqlite';

export class DatabaseIntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(`The database failed its integrity check: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'DatabaseIntegrityError';
  }
}

export interface OpenOptions {
  /** Called when a migration is due on a database that holds data (the backup taken before it). */
  beforeMigration?: (db: Database) => void;
  /** The schema steps to run; every migration unless a test gives its own list. */
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) the counter's database, checks it and migrates it
 * (after `beforeMigration`, the backup, when a migration is due).
 *
 * synchronous=FULL in WAL mode: every commit is fsynced before it returns, so
 * whatever the screen has confirmed survives a power cut. NORMAL would be
 * faster but may lose the last commits on power loss, which a pickup point
 * cannot afford (the custody log is its proof).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const { beforeMigration, migrations = allMigrations } = options;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  keepPrivate(file);
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    assertIntact(db);
    // A database with data that a migration is about to change is copied first; a fresh one has nothing to lose.
    const version = schemaVersion(db);
    if (beforeMigration && version > 0 && version < (migrations.at(-1)?.version ?? 0)) beforeMigration(db);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The database holds network tokens (plain in the browser host, which has no
 * keychain) and customers' names: only the user running the app may read it.
 * SQLite gives its -wal and -shm files the database file's mode.
 */
export function keepPrivate(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}

/** A folder only the user running the app may enter (backups, files kept aside), made if missing. */
export function privateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** quick_check reads every page but skips the slow index cross-checks: seconds, not minutes, at start. */
export function assertIntact(db: Database): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new DatabaseIntegrityError(problems);
}
