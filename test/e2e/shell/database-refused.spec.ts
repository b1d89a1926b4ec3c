import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { msg } from '../locales';
import { BACKUPS_DIR_NAME, createPreMigrationBackup } from '../../../main/core/backup/backups';
import { migrate, schemaVersion } from '../../../main/core/db/migrate';
import { migrations } from '../../../main/core/db/migrations';
import { DATABASE_FILE_NAME, openDatabase } from '../../../main/core/db/open';

// The screens are read in French: what the staff see is the translation, never main's English detail.
test.use({ locale: 'fr-FR' });

const NEWEST = migrations.at(-1)!.version;

function rowsOf(file: string): { version: number; settings: unknown[]; tables: unknown[] } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return {
      version: schemaVersion(db),
      settings: db.prepare('SELECT * FROM settings ORDER BY key').all(),
      tables: db.prepare('SELECT name, sql FROM sqlite_schema ORDER BY name').all(),
    };
  } finally {
    db.close();
  }
}

test('a migration this version cannot run: the data is put back as before the update and the screen says what to do', async ({
  page,
  launchHost,
  makeTempDir,
}) => {
  // A shop's file from the version whose newest migration was 160, holding a table that migration 180 creates itself:
  // 170 runs and commits, 180 fails.
  const dataDir = makeTempDir();
  const live = join(dataDir, DATABASE_FILE_NAME);
  const old = new BetterSqlite3(live);
  old.pragma('journal_mode = WAL');
  migrate(
    old,
    migrations.filter((m) => m.version <= 160),
  );
  old.exec("INSERT INTO settings (key, value, updated_at) VALUES ('store.id', 'ST-OLDSHOP', 1); CREATE TABLE service_skills (code TEXT);");
  old.close();
  const before = rowsOf(live);

  const host = await launchHost({ dataDir });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: msg('fr', 'databaseError.title') })).toBeVisible();
  const screen = page.getByRole('alert');
  await expect(screen).toContainText(msg('fr', 'databaseError.reasons.migration-failed'));
  await expect(screen).toContainText(msg('fr', 'databaseError.migrationFailed.safe'));
  await expect(screen).toContainText(msg('fr', 'databaseError.migrationFailed.whatToDo'));
  const keptAside = readdirSync(dataDir).find((name) => name.startsWith('migration-failed-'))!;
  await expect(screen).toContainText(
    msg('fr', 'databaseError.migrationFailed.keptAside', { version: 180, folder: join(dataDir, keptAside) }),
  );
  // Main's English detail stays folded away; no backup is offered over data that is already back.
  await expect(page.getByText(/Migration 180/)).toBeHidden();
  await expect(page.getByRole('button', { name: msg('fr', 'backups.restoreNewest') })).toHaveCount(0);
  await host.stop();

  expect(rowsOf(live)).toEqual(before);
  expect(rowsOf(join(dataDir, keptAside, DATABASE_FILE_NAME)).version).toBe(170);
});

test('a file from a newer version is refused in the staff language and left untouched', async ({ page, launchHost, makeTempDir }) => {
  const dataDir = makeTempDir();
  const live = join(dataDir, DATABASE_FILE_NAME);
  // A backup this version could restore exists: it must not be offered over the newer file.
  const older = openDatabase(join(makeTempDir(), DATABASE_FILE_NAME));
  createPreMigrationBackup(older, dataDir, join(dataDir, BACKUPS_DIR_NAME), Date.UTC(2026, 10, 1));
  older.close();
  const newer = new BetterSqlite3(live);
  newer.pragma('journal_mode = WAL');
  newer.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('kept');");
  newer.pragma(`user_version = ${NEWEST + 1000}`);
  newer.close();
  const bytes = readFileSync(live);
  const { mtimeMs } = statSync(live);

  const host = await launchHost({ dataDir });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: msg('fr', 'databaseError.title') })).toBeVisible();
  await expect(page.getByText(msg('fr', 'databaseError.reasons.schema-too-new'))).toBeVisible();
  await expect(page.getByText(/written by a newer OpenCounter/)).toBeHidden();
  await expect(page.getByRole('button', { name: msg('fr', 'backups.restoreNewest') })).toHaveCount(0);
  await host.stop();

  expect(readFileSync(live).equals(bytes)).toBe(true);
  expect(statSync(live).mtimeMs).toBe(mtimeMs);
  expect(existsSync(`${live}-wal`)).toBe(false);
});

test('main refusing the start is told in the staff language, not with its English message', async ({ page, host }) => {
  await page.routeWebSocket(/\/api$/, (socket) => {
    socket.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id: number; call: string };
      socket.send(
        JSON.stringify({
          id: frame.id,
          envelope: { ok: false, error: { code: 'DATABASE_UNAVAILABLE', message: 'Database handle closed (English detail)' } },
        }),
      );
    });
  });
  await page.goto(host.url);
  const fatal = page.getByRole('alert');
  await expect(fatal).toHaveText(`${msg('fr', 'app.unreachable')} ${msg('fr', 'errors.DATABASE_UNAVAILABLE')}`);
  await expect(fatal).not.toContainText('English detail');
});
