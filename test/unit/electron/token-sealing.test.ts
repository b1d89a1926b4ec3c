import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCounterApp, type CounterApp, type CounterAppOptions } from '../../../main/app/start';
import { ManualClock } from '../../../main/core/clock';
import { DATABASE_FILE_NAME } from '../../../main/core/db/open';
import { migrate } from '../../../main/core/db/migrate';
import { migrations } from '../../../main/core/db/migrations';
import { runElectronMain, type ElectronMainDeps } from '../../../main/electron/main-process';
import { safeStorageCipher } from '../../../main/electron/safe-storage-cipher';
import { TEST_START } from '../../fixtures/core';
import { useTempDir } from '../../fixtures/temp-dir';
import { FakeApp, FakeBrowserWindow, FakeIpcMain, FakeSafeStorage, quietElectronDeps } from './fakes';

const tempDir = useTempDir();
const opened: CounterApp[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));

const TOKEN = 'bearer-token-of-the-carrier';
const network = { name: 'Carrier', baseUrl: 'https://carrier.example/v1', token: TOKEN, enabled: true, policyOverrides: {} };

/** The Electron main process with Electron faked, on a real counter app and database in `dataDir`. */
async function electronOn(dataDir: string, safeStorage: FakeSafeStorage, logged: string[] = []): Promise<CounterApp> {
  let started: CounterApp | undefined;
  const deps: ElectronMainDeps = {
    app: new FakeApp() as unknown as ElectronMainDeps['app'],
    BrowserWindow: FakeBrowserWindow as unknown as ElectronMainDeps['BrowserWindow'],
    ipcMain: new FakeIpcMain() as unknown as ElectronMainDeps['ipcMain'],
    safeStorage,
    ...quietElectronDeps(),
    argv: [],
    env: {},
    outDir: '/opt/OpenCounter/resources/app.asar/out',
    startCounterApp: (options: CounterAppOptions) => {
      started = startCounterApp({ ...options, dataDir, clock: new ManualClock(TEST_START) });
      opened.push(started);
      return started;
    },
    log: (message) => logged.push(message),
  };
  await runElectronMain(deps);
  return started!;
}

function storedTokens(dataDir: string): { cipher: string; sealed: Buffer }[] {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare<[], { cipher: string; sealed: Buffer }>('SELECT cipher, sealed FROM network_tokens').all();
  } finally {
    db.close();
  }
}

describe('network tokens at rest in Electron', () => {
  it('are sealed with safeStorage: the database file never holds the token, and the app still uses it', async () => {
    const dataDir = tempDir();
    const app = await electronOn(dataDir, new FakeSafeStorage());
    const saved = await app.router.dispatch('networks.save', network);
    expect(saved).toMatchObject({ ok: true, value: { hasToken: true } });
    const id = (saved as { value: { id: string } }).value.id;
    expect(app.core!.networks.tokenOf(id)).toBe(TOKEN);
    app.close();
    opened.length = 0;

    const rows = storedTokens(dataDir);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cipher).toBe('electron-safe-storage');
    expect(rows[0]!.sealed.includes(Buffer.from(TOKEN))).toBe(false);
    // Not in the WAL or the main file either, as bytes anywhere.
    expect(readFileSync(join(dataDir, DATABASE_FILE_NAME)).includes(Buffer.from(TOKEN))).toBe(false);
    // The next start reads it back.
    const again = await electronOn(dataDir, new FakeSafeStorage());
    expect(again.core!.networks.tokenOf(id)).toBe(TOKEN);
  });

  it('seals a token that an earlier version stored plain, at the next start', async () => {
    const dataDir = tempDir();
    const plain = startCounterApp({ dataDir, clock: new ManualClock(TEST_START), version: 'x', log: () => {} });
    const saved = (await plain.router.dispatch('networks.save', network)) as { value: { id: string } };
    plain.close();
    expect(storedTokens(dataDir)[0]!.cipher).toBe('plain');
    const app = await electronOn(dataDir, new FakeSafeStorage());
    expect(storedTokens(dataDir)).toMatchObject([{ cipher: 'electron-safe-storage' }]);
    expect(app.core!.networks.tokenOf(saved.value.id)).toBe(TOKEN);
  });

  it('keeps tokens plain, and says so, where the platform offers no encryption', async () => {
    const dataDir = tempDir();
    const logged: string[] = [];
    const app = await electronOn(dataDir, new FakeSafeStorage(false), logged);
    await app.router.dispatch('networks.save', network);
    expect(storedTokens(dataDir)).toMatchObject([{ cipher: 'plain' }]);
    expect(logged.join('\n')).toMatch(/safeStorage is not available/);
  });

  it('treats a token sealed by a cipher this run does not have as missing, so the form asks for it again', async () => {
    const dataDir = tempDir();
    const app = await electronOn(dataDir, new FakeSafeStorage());
    const saved = (await app.router.dispatch('networks.save', network)) as { value: { id: string } };
    app.close();
    opened.length = 0;
    // The same database opened by the browser host (no keychain).
    const host = startCounterApp({ dataDir, clock: new ManualClock(TEST_START), version: 'x', log: () => {} });
    opened.push(host);
    expect(host.core!.networks.tokenOf(saved.value.id)).toBeUndefined();
    expect(await host.router.dispatch('networks.configs', undefined)).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ id: saved.value.id, hasToken: false })]),
    });
  });

  it('uses safeStorage only once Electron says encryption is available', () => {
    const storage = new FakeSafeStorage();
    const cipher = safeStorageCipher(storage, () => {})!;
    expect(cipher.open(cipher.seal('ü-token'))).toBe('ü-token');
    expect(storage.encryptString).toHaveBeenCalledWith('ü-token');
    expect(safeStorageCipher(new FakeSafeStorage(false), () => {})).toBeUndefined();
  });
});

describe('migration 100', () => {
  it('keeps the tokens of a database from before sealed tokens, as plain ones', () => {
    const file = join(tempDir(), DATABASE_FILE_NAME);
    const db = new BetterSqlite3(file);
    migrate(
      db,
      migrations.filter((m) => m.version <= 80),
    );
    db.prepare("INSERT INTO networks (id, name, adapter, policy_json, created_at) VALUES ('n1', 'N', 'http', '{}', 0)").run();
    db.prepare("INSERT INTO network_tokens (network_id, token, updated_at) VALUES ('n1', 'old-token', 5)").run();
    migrate(db);
    expect(db.prepare('SELECT network_id, cipher, CAST(sealed AS TEXT) AS token, updated_at FROM network_tokens').all()).toEqual([
      { network_id: 'n1', cipher: 'plain', token: 'old-token', updated_at: 5 },
    ]);
    db.close();
  });
});

describe('the database file', () => {
  it('is readable by its user only, with its WAL and shared-memory files, even when it existed with a wider mode', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE_NAME);
    const app = startCounterApp({ dataDir, clock: new ManualClock(TEST_START), version: 'x', log: () => {} });
    opened.push(app);
    await app.router.dispatch('networks.save', network);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(path).mode & 0o777, path).toBe(0o600);
    app.close();
    opened.length = 0;

    const older = join(tempDir(), 'older');
    mkdirSync(older);
    copyFileSync(file, join(older, DATABASE_FILE_NAME));
    chmodSync(join(older, DATABASE_FILE_NAME), 0o644);
    const reopened = startCounterApp({ dataDir: older, clock: new ManualClock(TEST_START), version: 'x', log: () => {} });
    opened.push(reopened);
    expect(statSync(join(older, DATABASE_FILE_NAME)).mode & 0o777).toBe(0o600);
  });
});
