import { existsSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCounterApp } from '../../../../main/app/start';
import { backupsToKeep, type BackupEntry } from '../../../../main/core/backup/backup-rotation';
import {
  BACKUPS_DIR_NAME,
  backupName,
  checkBackup,
  createBackup,
  createPreMigrationBackup,
  listBackups,
} from '../../../../main/core/backup/backups';
import { ManualClock } from '../../../../main/core/clock';
import { DATABASE_FILE_NAME } from '../../../../main/core/db/open';
import { TEST_START } from '../../../fixtures/core';
import { useCounter } from '../../../fixtures/counter';
import { useTempDir } from '../../../fixtures/temp-dir';

const counterKit = useCounter();
const tempDir = useTempDir();
const DAY = 24 * 3600_000;

describe('backup rotation', () => {
  it('keeps the newest daily of each of the last 7 days, then one of each of 4 weeks before, the last 2 pre-migration and 3 manual copies', () => {
    const entries: BackupEntry[] = [];
    const add = (at: number, kind: BackupEntry['kind']) => entries.push({ name: backupName(at, kind), at, kind });
    // A daily backup (sometimes two, after a restart) for 60 days, manual ones and pre-migration ones.
    for (let day = 0; day < 60; day++) {
      add(TEST_START - day * DAY, 'daily');
      if (day % 3 === 0) add(TEST_START - day * DAY + 3600_000, 'daily');
    }
    for (const days of [1, 20, 40]) add(TEST_START - days * DAY + 60_000, 'pre-migration');
    for (const days of [0, 2, 5, 9, 30]) add(TEST_START - days * DAY + 120_000, 'manual');
    const keep = [...backupsToKeep(entries)].map((name) => entries.find((e) => e.name === name)!);
    const daysAgo = (e: BackupEntry) => Math.round((TEST_START - e.at) / DAY) + 0;
    const dailies = keep.filter((e) => e.kind === 'daily').sort((a, b) => b.at - a.at);
    expect(dailies).toHaveLength(11);
    expect(dailies.slice(0, 7).map(daysAgo)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // The newest of the day when there were two.
    expect(dailies[0]!.at).toBe(TEST_START + 3600_000);
    const weekly = dailies.slice(7);
    expect(new Set(weekly.map((e) => Math.floor((e.at - 4 * DAY) / (7 * DAY)))).size).toBe(4);
    expect(weekly.every((e) => daysAgo(e) > 6 && daysAgo(e) < 7 + 5 * 7)).toBe(true);
    expect(keep.filter((e) => e.kind === 'pre-migration').map(daysAgo)).toEqual([1, 20]);
    expect(
      keep
        .filter((e) => e.kind === 'manual')
        .map(daysAgo)
        .sort((a, b) => a - b),
    ).toEqual([0, 2, 5]);
  });

  it('deletes what the rotation drops from the folder', async () => {
    const { core, clock, dir } = await counterKit.start();
    const folder = join(dir, BACKUPS_DIR_NAME);
    for (let day = 0; day < 10; day++) {
      await createBackup(core.db, dir, folder, clock, 'daily');
      clock.advance(DAY);
    }
    expect(listBackups(folder)).toHaveLength(8);
  });
});

describe('backups and restore', () => {
  it('backs up the database and the attachments with the backup API, and the copy passes its checks', async () => {
    const { core, clock, dir } = await counterKit.start();
    mkdirSync(join(dir, 'attachments'), { recursive: true });
    writeFileSync(join(dir, 'attachments', 'a.txt'), 'hello');
    const folder = join(dir, BACKUPS_DIR_NAME);
    const entry = await createBackup(core.db, dir, folder, clock, 'manual');
    expect(readFileSync(join(folder, entry.name, 'attachments', 'a.txt'), 'utf8')).toBe('hello');
    expect(checkBackup(folder, entry.name)).toEqual({ ok: true });
  });

  it('a second backup asked for while the first is being written (the same instant, or another kind) waits for it: both succeed, each listed once, and both pass their checks', async () => {
    const { core, clock, dir } = await counterKit.start();
    const folder = join(dir, BACKUPS_DIR_NAME);
    const [first, again, manual] = await Promise.all([
      createBackup(core.db, dir, folder, clock, 'daily'),
      createBackup(core.db, dir, folder, clock, 'daily'),
      createBackup(core.db, dir, folder, clock, 'manual'),
    ]);
    expect(again).toEqual(first);
    expect(
      listBackups(folder)
        .map((b) => b.name)
        .sort(),
    ).toEqual([first.name, manual.name].sort());
    for (const b of [first, manual]) expect(checkBackup(folder, b.name)).toEqual({ ok: true });
    // Asked for again later at the same instant: the backup of that instant already exists.
    expect(await createBackup(core.db, dir, folder, clock, 'daily')).toEqual(first);
  });

  it('refuses a corrupt backup or one whose custody chain was edited, and replaces nothing', async () => {
    const dir = tempDir();
    const clock = new ManualClock(TEST_START);
    const app = startCounterApp({ dataDir: dir, clock, version: 'x', log: () => {} });
    try {
      const core = app.core!;
      const folder = join(dir, BACKUPS_DIR_NAME);
      await core.counter.pullManifest('demo-fr', core.adapters.demo!);
      const good = await createBackup(core.db, dir, folder, clock, 'manual');
      clock.advance(1000);
      const damaged = await createBackup(core.db, dir, folder, clock, 'manual');
      const file = join(folder, damaged.name, DATABASE_FILE_NAME);
      const bytes = readFileSync(file);
      for (let i = 4096 * 2; i < bytes.length - 4096; i += 11) bytes[i] = 0x5a;
      writeFileSync(file, bytes);
      clock.advance(1000);
      const edited = await createBackup(core.db, dir, folder, clock, 'manual');
      const BetterSqlite3 = (await import('better-sqlite3')).default;
      const tampered = new BetterSqlite3(join(folder, edited.name, DATABASE_FILE_NAME));
      tampered.exec("DROP TRIGGER custody_events_no_update; UPDATE custody_events SET reason = 'x' WHERE id = 2;");
      tampered.close();

      const before = readFileSync(join(dir, DATABASE_FILE_NAME));
      for (const name of [damaged.name, edited.name]) {
        expect(await app.router.dispatch('backups.restore', { name })).toMatchObject({ ok: false, error: { code: 'BACKUP_DAMAGED' } });
      }
      expect(readFileSync(join(dir, DATABASE_FILE_NAME)).equals(before)).toBe(true);
      const restored = await app.router.dispatch('backups.restore', { name: good.name });
      expect(restored, JSON.stringify(restored)).toMatchObject({ ok: true, value: { restored: good.name } });
      const keptIn = (restored as { value: { replacedKeptIn: string } }).value.replacedKeptIn;
      expect(existsSync(join(keptIn, DATABASE_FILE_NAME))).toBe(true);
      expect(app.core).not.toBe(core);
      expect(await app.router.dispatch('counter.status', undefined)).toMatchObject({ ok: true });
    } finally {
      app.close();
    }
  });
});

describe('backups are private', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('a daily backup, a pre-migration backup and a file kept aside by a restore: folders 0700, database files 0600, like the live file', async () => {
    const dir = tempDir();
    const clock = new ManualClock(TEST_START);
    const app = startCounterApp({ dataDir: dir, clock, version: 'x', log: () => {} });
    try {
      const core = app.core!;
      const folder = join(dir, BACKUPS_DIR_NAME);
      // The app takes its daily backup at start without awaiting it: wait for that one rather than write a second daily
      // backup of the same time into the same target while it runs (that raced as a "disk I/O error" in the backup step).
      await expect.poll(() => listBackups(folder).filter((b) => b.kind === 'daily')).toHaveLength(1);
      const daily = listBackups(folder).find((b) => b.kind === 'daily')!;
      clock.advance(1000);
      const before = createPreMigrationBackup(core.db, dir, folder, clock.now());
      expect(mode(folder)).toBe(0o700);
      for (const name of [daily.name, before.name]) {
        expect(mode(join(folder, name)), name).toBe(0o700);
        expect(mode(join(folder, name, DATABASE_FILE_NAME)), name).toBe(0o600);
      }
      const restored = await app.router.dispatch('backups.restore', { name: daily.name });
      const keptIn = (restored as { value: { replacedKeptIn: string } }).value.replacedKeptIn;
      expect(mode(keptIn)).toBe(0o700);
      expect(mode(join(keptIn, DATABASE_FILE_NAME))).toBe(0o600);
      expect(mode(join(dir, DATABASE_FILE_NAME))).toBe(0o600);
    } finally {
      app.close();
    }
  });
});
