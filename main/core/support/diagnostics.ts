import type { Database } from 'better-sqlite3';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { schemaVersion } from '../db/migrate';
import { sql } from '../db/statements';
import type { NetworkRepository } from '../networks/network-repository';

/** Settings keys whose values are secrets or could become one: left out of diagnostics whatever they hold. */
const SECRET_KEY = /token|secret|password|passphrase|pin|hash|salt|key|cipher|seal/i;
/** The newest log files are taken until this many bytes (before compression): enough for days of a counter. */
export const MAX_DIAGNOSTIC_LOG_BYTES = 8 * 1024 * 1024;
export const DIAGNOSTICS_MIME_TYPE = 'application/zip';

export interface DiagnosticsSources {
  db: Database;
  networks: Pick<NetworkRepository, 'list'>;
  appVersion: string;
  /** The log folder (its crashes/ folder included); absent where the process writes no log file. */
  logDir?: string;
  now: number;
}

/**
 * Everything support asks for first, as one zip: versions, the settings and networks without secrets
 * (tokens live in their own tables and are never read here; secret-looking settings keys are left out),
 * SQLite's full integrity_check, the newest log files (personal data is redacted when they are written) and
 * the names of crash dumps (the dumps themselves hold memory, so they stay on the PC).
 */
export function diagnosticsZip(sources: DiagnosticsSources): { fileName: string; bytes: Buffer } {
  const { db } = sources;
  const mtime = new Date(sources.now);
  const json = (value: unknown): [Uint8Array, { mtime: Date }] => [strToU8(`${JSON.stringify(value, null, 2)}\n`), { mtime }];
  const text = (value: string): [Uint8Array, { mtime: Date }] => [strToU8(value), { mtime }];
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const files: Zippable = {
    'versions.json': json({
      app: sources.appVersion,
      schema: schemaVersion(db),
      ...pickVersions(process.versions, ['node', 'electron', 'chrome', 'v8', 'sqlite', 'modules']),
      os: { platform: platform(), release: release(), arch: arch() },
    }),
    'integrity-check.txt': text(`${integrity.join('\n')}\n`),
    'settings.json': json(safeSettings(db)),
    'networks.json': json(
      sources.networks.list().map((n) => ({
        id: n.id,
        name: n.name,
        adapter: n.adapter,
        enabled: n.enabled,
        baseUrl: n.baseUrl && withoutCredentials(n.baseUrl),
        policy: n.policy,
      })),
    ),
  };
  if (sources.logDir) {
    for (const [name, bytes] of newestLogs(sources.logDir)) files[`logs/${name}`] = [bytes, { mtime }];
    files['crash-dumps.txt'] = text(crashDumpList(join(sources.logDir, 'crashes')));
  }
  const stamp = mtime.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `diagnostics-${stamp}.zip`, bytes: Buffer.from(zipSync(files, { level: 9 })) };
}

function pickVersions(versions: NodeJS.ProcessVersions, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, versions[name] ?? 'none']));
}

function safeSettings(db: Database): Record<string, string> {
  const rows = sql<[], { key: string; value: string }>(db, 'SELECT key, value FROM settings ORDER BY key').all();
  return Object.fromEntries(rows.filter((row) => !SECRET_KEY.test(row.key)).map((row) => [row.key, row.value]));
}

/** A URL with its user, password and query (where a token might sit) taken out. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '[not a URL]';
  }
}

function newestLogs(logDir: string): [string, Uint8Array][] {
  if (!existsSync(logDir)) return [];
  const logs = readdirSync(logDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, stat: statSync(join(logDir, entry.name)) }))
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
  const taken: [string, Uint8Array][] = [];
  let total = 0;
  for (const log of logs) {
    if (total + log.stat.size > MAX_DIAGNOSTIC_LOG_BYTES && taken.length > 0) break;
    taken.push([log.name, readFileSync(join(logDir, log.name))]);
    total += log.stat.size;
  }
  return taken;
}

function crashDumpList(dir: string): string {
  if (!existsSync(dir)) return 'no crash dumps\n';
  const dumps = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  if (dumps.length === 0) return 'no crash dumps\n';
  return `${dumps.map((entry) => `${join(entry.parentPath, entry.name).slice(dir.length + 1)}\t${statSync(join(entry.parentPath, entry.name)).size} bytes`).join('\n')}\n`;
}
