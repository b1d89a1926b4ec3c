import type { Database } from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import type { Network } from '../../../../main/core/networks/network-repository';
import { defaultHttpPolicy } from '../../../../main/core/networks/policy';
import { diagnosticsZip, type DiagnosticsSources } from '../../../../main/core/support/diagnostics';
import { openTestCore, TEST_START } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
const MIB = 1024 * 1024;
const cores: CounterCore[] = [];
afterEach(() => cores.splice(0).forEach((core) => core.close()));

/** A fresh counter's core, closed after the test. */
function freshCore(): CounterCore {
  const { core } = openTestCore(tempDir());
  cores.push(core);
  return core;
}

/** The zip's files by name, as text. */
function unzipped(bytes: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, strFromU8(data)]));
}

/** The date each file of the zip carries in its local header (DOS time: local, to 2 seconds). */
function entryDates(bytes: Buffer): Record<string, number> {
  const dates: Record<string, number> = {};
  for (let at = bytes.indexOf('PK\x03\x04'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4)) {
    const time = bytes.readUInt16LE(at + 10);
    const date = bytes.readUInt16LE(at + 12);
    const nameLength = bytes.readUInt16LE(at + 26);
    const name = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    dates[name] = new Date(
      (date >> 9) + 1980,
      ((date >> 5) & 0xf) - 1,
      date & 0x1f,
      time >> 11,
      (time >> 5) & 0x3f,
      (time & 0x1f) * 2,
    ).getTime();
  }
  return dates;
}

function network(over: Partial<Network>): Network {
  return {
    id: 'carrier',
    name: 'Carrier',
    adapter: 'http',
    policy: defaultHttpPolicy,
    networkPolicy: defaultHttpPolicy,
    policyOverrides: {},
    baseUrl: null,
    enabled: true,
    ...over,
  };
}

/** The sources of a fresh counter, with what a test changes on top. */
function sources(over: Partial<DiagnosticsSources> = {}): DiagnosticsSources {
  return { db: freshCore().db, networks: { list: () => [] }, appVersion: '1.4.2', now: TEST_START, ...over };
}

/** A log file of `size` bytes of `fill`, last written at `mtime`. */
function writeLog(dir: string, name: string, size: number, mtime: number, fill = 'x'): void {
  writeFileSync(join(dir, name), fill.repeat(size));
  utimesSync(join(dir, name), mtime / 1000, mtime / 1000);
}

describe('the diagnostics zip', () => {
  it('is named after the clock to the second and dates every file it holds at that moment', () => {
    const logDir = tempDir();
    writeLog(logDir, 'counter.log', 10, TEST_START - 3_600_000);
    const zip = diagnosticsZip(sources({ logDir, now: TEST_START }));
    expect(zip.fileName).toBe('diagnostics-20261124-090000.zip');
    expect(entryDates(zip.bytes)).toEqual({
      'versions.json': TEST_START,
      'integrity-check.txt': TEST_START,
      'settings.json': TEST_START,
      'networks.json': TEST_START,
      'logs/counter.log': TEST_START,
      'crash-dumps.txt': TEST_START,
    });
    expect(diagnosticsZip(sources({ now: Date.UTC(2027, 0, 2, 23, 5, 7, 999) })).fileName).toBe('diagnostics-20270102-230507.zip');
  });

  it('holds no log and no crash-dump list where the process writes no log file', () => {
    expect(Object.keys(unzipped(diagnosticsZip(sources()).bytes)).sort()).toEqual([
      'integrity-check.txt',
      'networks.json',
      'settings.json',
      'versions.json',
    ]);
  });

  it('names the app, the schema, the runtime and the operating system, "none" for a runtime this process lacks', () => {
    const versions = JSON.parse(unzipped(diagnosticsZip(sources()).bytes)['versions.json']!);
    expect(versions).toEqual({
      app: '1.4.2',
      schema: expect.any(Number),
      node: process.versions.node,
      electron: 'none',
      chrome: 'none',
      v8: process.versions.v8,
      sqlite: process.versions.sqlite ?? 'none',
      modules: process.versions.modules,
      os: { platform: platform(), release: release(), arch: arch() },
    });
    expect(versions.schema).toBeGreaterThan(0);
  });

  it("writes SQLite's integrity check one finding a line", () => {
    const ok = unzipped(diagnosticsZip(sources()).bytes)['integrity-check.txt'];
    expect(ok).toBe('ok\n');

    const { db } = sources();
    const findings = ['row 3 missing from index i_parcels', 'wrong # of entries in index i_parcels'];
    const damaged = new Proxy(db, {
      get: (target, property) =>
        property === 'pragma'
          ? (pragma: string) => (pragma === 'integrity_check' ? findings.map((f) => ({ integrity_check: f })) : target.pragma(pragma))
          : Reflect.get(target, property, target),
    }) as Database;
    expect(unzipped(diagnosticsZip(sources({ db: damaged })).bytes)['integrity-check.txt']).toBe(
      'row 3 missing from index i_parcels\nwrong # of entries in index i_parcels\n',
    );
  });

  it('leaves out every setting whose key looks like a secret, whatever its case, and keeps the others sorted by key', () => {
    const core = freshCore();
    const secretKeys = [
      'carrier.apiToken',
      'backup.SECRET',
      'mail.password',
      'backup.passphrase',
      'staff.manager.pin',
      'pickup.codeHash',
      'crypto.Salt',
      'printer.licenseKey',
      'db.cipherName',
      'outbox.seal',
    ];
    for (const key of secretKeys) core.settings.set(key, `value of ${key}`);
    core.settings.set('ui.language', 'it');
    core.settings.set('beep.volume', '0.5');
    const settings = unzipped(diagnosticsZip(sources({ db: core.db })).bytes)['settings.json']!;
    expect(Object.keys(JSON.parse(settings))).toEqual(['beep.volume', 'demo.seeded', 'hours.reviewedAt', 'store.id', 'ui.language']);
    expect(JSON.parse(settings)).toMatchObject({ 'beep.volume': '0.5', 'ui.language': 'it', 'demo.seeded': '1' });
    expect(settings).not.toContain('value of');
  });

  it('lists the networks without their policy overrides, and their URLs without user, password or query', () => {
    const networks = [
      network({ id: 'a', name: 'A', baseUrl: 'https://shop:hunter2@carrier.example:8443/v1/stores?token=tok_live_1#top' }),
      network({ id: 'b', name: 'B', adapter: 'demo', baseUrl: null, enabled: false }),
      network({ id: 'c', name: 'C', baseUrl: 'carrier.example/v1?token=tok_live_2' }),
    ];
    const listed = unzipped(diagnosticsZip(sources({ networks: { list: () => networks } })).bytes)['networks.json']!;
    expect(JSON.parse(listed)).toEqual([
      { id: 'a', name: 'A', adapter: 'http', enabled: true, baseUrl: 'https://carrier.example:8443/v1/stores', policy: defaultHttpPolicy },
      { id: 'b', name: 'B', adapter: 'demo', enabled: false, baseUrl: null, policy: defaultHttpPolicy },
      { id: 'c', name: 'C', adapter: 'http', enabled: true, baseUrl: '[not a URL]', policy: defaultHttpPolicy },
    ]);
    expect(listed).not.toMatch(/hunter2|tok_live/);
  });
});

describe('the logs in the diagnostics zip', () => {
  it('are the newest files first, up to 8 MiB together (8 MiB exactly still fits), never the crashes folder', () => {
    const logDir = tempDir();
    mkdirSync(join(logDir, 'crashes'));
    writeLog(logDir, 'a-oldest.log', 1, TEST_START - 3 * 3_600_000, 'a');
    writeLog(logDir, 'b-older.log', 3 * MIB, TEST_START - 2 * 3_600_000, 'b');
    writeLog(logDir, 'c-newest.log', 5 * MIB, TEST_START - 3_600_000, 'c');
    const files = unzipped(diagnosticsZip(sources({ logDir })).bytes);
    const logs = Object.keys(files).filter((name) => name.startsWith('logs/'));
    expect(logs.sort()).toEqual(['logs/b-older.log', 'logs/c-newest.log']);
    // Checked piece by piece: a failing comparison of whole 5 MiB strings would print them.
    expect([files['logs/c-newest.log']!.length, /^c+$/.test(files['logs/c-newest.log']!)]).toEqual([5 * MIB, true]);
    expect([files['logs/b-older.log']!.length, /^b+$/.test(files['logs/b-older.log']!)]).toEqual([3 * MIB, true]);
  });

  it('are the newest whatever order the folder lists them in', () => {
    for (const newest of ['x.log', 'y.log']) {
      const logDir = tempDir();
      for (const name of ['x.log', 'y.log']) writeLog(logDir, name, 4 * MIB + 1, name === newest ? TEST_START : TEST_START - 3_600_000);
      const logs = Object.keys(unzipped(diagnosticsZip(sources({ logDir })).bytes)).filter((name) => name.startsWith('logs/'));
      expect(logs).toEqual([`logs/${newest}`]);
    }
  });

  it('stop at the first file that would pass 8 MiB, even when an older one is small', () => {
    const logDir = tempDir();
    writeLog(logDir, 'a-oldest.log', 1, TEST_START - 3 * 3_600_000);
    writeLog(logDir, 'b-older.log', 3 * MIB + 1, TEST_START - 2 * 3_600_000);
    writeLog(logDir, 'c-newest.log', 5 * MIB, TEST_START - 3_600_000);
    const logs = Object.keys(unzipped(diagnosticsZip(sources({ logDir })).bytes)).filter((name) => name.startsWith('logs/'));
    expect(logs).toEqual(['logs/c-newest.log']);
  });

  it('hold the newest file even when it alone is larger than 8 MiB', () => {
    const logDir = tempDir();
    writeLog(logDir, 'a-older.log', 10, TEST_START - 2 * 3_600_000);
    writeLog(logDir, 'b-newest.log', 9 * MIB, TEST_START - 3_600_000);
    const logs = Object.keys(unzipped(diagnosticsZip(sources({ logDir })).bytes)).filter((name) => name.startsWith('logs/'));
    expect(logs).toEqual(['logs/b-newest.log']);
  });

  it('are none, with "no crash dumps", when the log folder was never made', () => {
    const files = unzipped(diagnosticsZip(sources({ logDir: join(tempDir(), 'logs') })).bytes);
    expect(Object.keys(files).filter((name) => name.startsWith('logs/'))).toEqual([]);
    expect(files['crash-dumps.txt']).toBe('no crash dumps\n');
  });
});

describe('the crash-dump list in the diagnostics zip', () => {
  it('says "no crash dumps" for a crashes folder that is missing or holds only empty folders', () => {
    const logDir = tempDir();
    writeLog(logDir, 'counter.log', 10, TEST_START);
    expect(unzipped(diagnosticsZip(sources({ logDir })).bytes)['crash-dumps.txt']).toBe('no crash dumps\n');
    mkdirSync(join(logDir, 'crashes', 'pending'), { recursive: true });
    expect(unzipped(diagnosticsZip(sources({ logDir })).bytes)['crash-dumps.txt']).toBe('no crash dumps\n');
  });

  it('names every dump under the crashes folder, in subfolders too, with its size, and leaves the dumps themselves out', () => {
    const logDir = tempDir();
    mkdirSync(join(logDir, 'crashes', 'completed'), { recursive: true });
    writeFileSync(join(logDir, 'crashes', 'completed', '7f3a.dmp'), 'm'.repeat(2048));
    writeFileSync(join(logDir, 'crashes', 'settings.dat'), 'abc');
    const files = unzipped(diagnosticsZip(sources({ logDir })).bytes);
    const lines = files['crash-dumps.txt']!.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.sort()).toEqual(['completed/7f3a.dmp\t2048 bytes', 'settings.dat\t3 bytes']);
    expect(Object.keys(files).filter((name) => name.includes('7f3a') || name.includes('settings.dat'))).toEqual([]);
  });
});
