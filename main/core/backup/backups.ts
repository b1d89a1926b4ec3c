import BetterSqlite3, { type Database } from 'better-sqlite3';
import { chmodSync, cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { DATABASE_FILE_NAME, keepPrivate, privateFolder } from '../db/open';
import { CoreError } from '../errors';
import { CustodyChain } from '../parcels/custody-chain';
import { backupsToKeep, type BackupEntry } from './backup-rotation';

export const BACKUP_FOLDER_KEY = 'backup.folder';
export const BACKUPS_DIR_NAME = 'backups';
/** Copied with the database: support attachments live as files in the data folder. */
export const ATTACHMENTS_DIR_NAME = 'attachments';

const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|pre-migration|manual)$/;

/** The backup folder from settings; by default inside the data folder. */
export function backupFolderOf(db: Database, dataDir: string): string {
  const hasSettings = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'settings'").get();
  const chosen = hasSettings
    ? db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(BACKUP_FOLDER_KEY)?.value
    : undefined;
  return chosen ?? join(dataDir, BACKUPS_DIR_NAME);
}

export interface BackupInfo extends BackupEntry {
  sizeBytes: number;
}

export function backupName(at: number, kind: BackupEntry['kind']): string {
  return `${new Date(at).toISOString().replace(/[:.]/g, '-')}-${kind}`;
}

function parseName(name: string): BackupEntry | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const iso = match[1]!.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, 'T$1:$2:$3.$4Z');
  return { name, at: Date.parse(iso), kind: match[2] as BackupEntry['kind'] };
}

/** Every backup in the folder, newest first. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map(parseName)
    .filter((e): e is BackupEntry => e !== undefined && existsSync(join(folder, e.name, DATABASE_FILE_NAME)))
    .map((e) => ({ ...e, sizeBytes: statSync(join(folder, e.name, DATABASE_FILE_NAME)).size }))
    .sort((a, b) => b.at - a.at);
}

function copyAttachments(fromDataDir: string, toDir: string): void {
  const source = join(fromDataDir, ATTACHMENTS_DIR_NAME);
  if (existsSync(source)) cpSync(source, join(toDir, ATTACHMENTS_DIR_NAME), { recursive: true });
}

/** Deletes what the rotation no longer keeps. */
export function rotate(folder: string): void {
  const entries = listBackups(folder);
  const keep = backupsToKeep(entries);
  for (const entry of entries) if (!keep.has(entry.name)) rmSync(join(folder, entry.name), { recursive: true, force: true });
}

/**
 * An online backup with SQLite's backup API (pages copied while the app
 * keeps writing, never a file copy of a live database), with the
 * attachments, then the rotation. Written to a temporary name first, so a
 * backup cut short is never listed.
 */
export function createBackup(db: Database, dataDir: string, folder: string, clock: Clock, kind: BackupEntry['kind']): Promise<BackupEntry> {
  const name = backupName(clock.now(), kind);
  const next = (backupsWriting.get(folder) ?? Promise.resolve()).catch(() => undefined).then(() => writeBackup(db, dataDir, folder, name));
  backupsWriting.set(folder, next);
  const forget = () => {
    if (backupsWriting.get(folder) === next) backupsWriting.delete(folder);
  };
  next.then(forget, forget);
  return next;
}

/**
 * The backups being written, by folder. The daily backup runs at start-up
 * while staff may already press "back up now": two backups writing the same
 * folder at once would share a temporary name when they are of the same kind
 * and instant (SQLite then fails with a disk I/O error), so each waits for
 * the one before it.
 */
const backupsWriting = new Map<string, Promise<BackupEntry>>();

async function writeBackup(db: Database, dataDir: string, folder: string, name: string): Promise<BackupEntry> {
  if (existsSync(join(folder, name, DATABASE_FILE_NAME))) return parseName(name)!;
  const partial = startBackup(folder, name);
  await db.backup(join(partial, DATABASE_FILE_NAME));
  return finishBackup(dataDir, folder, name);
}

/**
 * Before a migration the database is opened but not yet usable, and the
 * open path is synchronous: `VACUUM INTO` writes the same consistent
 * snapshot the backup API would, in one statement.
 */
export function createPreMigrationBackup(db: Database, dataDir: string, folder: string, at: number): BackupEntry {
  const name = backupName(at, 'pre-migration');
  const partial = startBackup(folder, name);
  db.prepare('VACUUM INTO ?').run(join(partial, DATABASE_FILE_NAME));
  return finishBackup(dataDir, folder, name);
}

/** The folder a backup is written into under a temporary name; like the live database, only the app's user may read it. */
function startBackup(folder: string, name: string): string {
  privateFolder(folder);
  const partial = join(folder, `${name}.partial`);
  privateFolder(partial);
  return partial;
}

function finishBackup(dataDir: string, folder: string, name: string): BackupEntry {
  const partial = join(folder, `${name}.partial`);
  keepPrivate(join(partial, DATABASE_FILE_NAME));
  copyAttachments(dataDir, partial);
  renameSync(partial, join(folder, name));
  rotate(folder);
  return parseName(name)!;
}

export type BackupCheck = { ok: true } | { ok: false; problem: 'integrity' | 'chain' | 'unreadable'; detail: string };

/** What a restore checks before anything is replaced: SQLite's full integrity_check, then the custody chain. */
export function checkBackup(folder: string, name: string): BackupCheck {
  const file = join(folder, name, DATABASE_FILE_NAME);
  if (!parseName(name) || !existsSync(file)) return { ok: false, problem: 'unreadable', detail: `No backup ${name}` };
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    if (problems.length > 0) return { ok: false, problem: 'integrity', detail: problems.slice(0, 3).join('; ') };
    const hasChain = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'custody_chain'").get();
    if (hasChain) {
      const breaks = new CustodyChain(db, { now: () => 0 }).verify().breaks;
      if (breaks.length > 0) return { ok: false, problem: 'chain', detail: `custody chain broken at event ${breaks[0]!.eventId}` };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

/** The newest backup that passes its checks (offered on the error screen when the live file is damaged). */
export function newestGoodBackup(folder: string): BackupInfo | undefined {
  return listBackups(folder).find((b) => checkBackup(folder, b.name).ok);
}

/**
 * Puts a checked backup in place of the live database (the core must be
 * closed): the replaced file, its WAL and the attachments are kept aside
 * under `<asidePrefix>-<time>` in the data folder, never deleted.
 */
export function replaceLiveDatabase(dataDir: string, folder: string, name: string, at: number, asidePrefix = 'replaced'): string {
  const check = checkBackup(folder, name);
  if (!check.ok) throw new CoreError('BACKUP_DAMAGED', `Backup ${name} failed its ${check.problem} check: ${check.detail}`);
  const aside = join(dataDir, `${asidePrefix}-${backupName(at, 'manual').replace(/-manual$/, '')}`);
  privateFolder(aside);
  for (const suffix of ['', '-wal', '-shm']) {
    const live = join(dataDir, DATABASE_FILE_NAME + suffix);
    const kept = join(aside, DATABASE_FILE_NAME + suffix);
    if (!existsSync(live)) continue;
    renameSync(live, kept);
    chmodSync(kept, 0o600);
  }
  const attachments = join(dataDir, ATTACHMENTS_DIR_NAME);
  if (existsSync(attachments)) renameSync(attachments, join(aside, ATTACHMENTS_DIR_NAME));
  cpSync(join(folder, name, DATABASE_FILE_NAME), join(dataDir, DATABASE_FILE_NAME));
  keepPrivate(join(dataDir, DATABASE_FILE_NAME));
  copyAttachments(join(folder, name), dataDir);
  return aside;
}
