import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE_NAME } from '../../main/core/db/open';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Bundled once per run, so each of the many worker starts is a plain `node` start (node_modules stay outside the bundle). */
const WORKER_BUNDLE = join(repoRoot, 'node_modules', '.cache', 'opencounter-crash', 'scan-worker.mjs');

async function bundleWorker(): Promise<void> {
  await build({
    entryPoints: [join(repoRoot, 'test/crash/scan-worker.ts')],
    outfile: WORKER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
}

export interface CrashTrialOptions {
  dataDir: string;
  kills: number;
  /** Each kill lands at a random moment this long after the worker said READY. */
  minLifeMs?: number;
  maxLifeMs?: number;
  seed?: number;
}

export interface CrashTrialResult {
  kills: number;
  acknowledged: { intake: number; pickup: number };
  /** Acknowledged scans the database does not show. */
  lost: string[];
  /** Parcels with more than one custody event into the same state. */
  duplicated: string[];
  integrity: string;
}

/**
 * Runs the scan worker on one database and SIGKILLs it at random moments,
 * `kills` times, then checks the database: every acknowledged intake is in
 * custody (or was picked up later), every acknowledged pickup is picked up,
 * no parcel entered a state twice, and integrity_check is ok.
 */
export async function runCrashTrial(options: CrashTrialOptions): Promise<CrashTrialResult> {
  const minLife = options.minLifeMs ?? 5;
  const maxLife = options.maxLifeMs ?? 300;
  let seed = options.seed ?? 1;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
  const intakes = new Set<string>();
  const pickedUp = new Set<string>();
  await bundleWorker();

  for (let kill = 0; kill < options.kills; kill++) {
    const acks = await runUntilKilled(options.dataDir, Math.floor(random() * 2 ** 31), minLife + random() * (maxLife - minLife));
    for (const line of acks) {
      const [, kind, trackingId] = line.split(' ');
      if (kind === 'intake') intakes.add(trackingId!);
      if (kind === 'pickup') pickedUp.add(trackingId!);
    }
  }

  const db = new BetterSqlite3(join(options.dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    const stateOf = db.prepare<[string], { state: string }>('SELECT state FROM parcels WHERE tracking_id = ?');
    const eventsInto = db.prepare<[string, string], { n: number }>(
      'SELECT count(*) AS n FROM custody_events e JOIN parcels p ON p.id = e.parcel_id WHERE p.tracking_id = ? AND e.to_state = ?',
    );
    const lost = [
      ...[...intakes].filter(
        (t) => !['received', 'picked_up'].includes(stateOf.get(t)?.state ?? '') || eventsInto.get(t, 'received')!.n !== 1,
      ),
      ...[...pickedUp].filter((t) => stateOf.get(t)?.state !== 'picked_up' || eventsInto.get(t, 'picked_up')!.n !== 1),
    ];
    const duplicated = db
      .prepare<[], { tracking_id: string }>(
        `SELECT DISTINCT p.tracking_id FROM custody_events e JOIN parcels p ON p.id = e.parcel_id
         GROUP BY e.parcel_id, e.to_state HAVING count(*) > 1`,
      )
      .all()
      .map((r) => r.tracking_id);
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    return { kills: options.kills, acknowledged: { intake: intakes.size, pickup: pickedUp.size }, lost, duplicated, integrity };
  } finally {
    db.close();
  }
}

/** One life of the worker: start, wait for READY, let it work `lifeMs`, SIGKILL. Returns the ACK lines it printed. */
function runUntilKilled(dataDir: string, seed: number, lifeMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER_BUNDLE, dataDir, String(seed)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!timer && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), lifeMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`the worker ended by itself (code ${code}): ${err || out.slice(-500)}`));
      // A line cut by the kill was never acknowledged.
      resolve(out.split('\n').filter((line) => /^ACK (intake|pickup) \S+$/.test(line)));
    });
  });
}
