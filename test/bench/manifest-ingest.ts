import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../main/core/clock';
import { openCounterCore } from '../../main/core/counter-core';
import { manifestPageSchema, type ManifestChange } from '../../main/core/networks/http/http-schemas';
import { readManifestPage } from '../../main/core/networks/http/http-network';
import type { NetworkAdapter } from '../../main/core/networks/network-adapter';
import { defaultHttpPolicy } from '../../main/core/networks/policy';
import { ms } from './stats';

const PARCELS = 10_000;
/** The most the network API puts in one manifest page. */
const PAGE = 5_000;
const NETWORK = 'bench-http';

type ParcelChange = Extract<ManifestChange, { type: 'parcel' }>;

/**
 * Manifest ingest of 10 000 parcels as the network sends them (two pages of
 * JSON text): parse, validate with manifestPageSchema, and apply through
 * pullManifest (per page one transaction: parcels, their custody events and
 * outbox rows, pickup codes hashed), against raw better-sqlite3 inserts of the
 * same rows in one transaction on the same settings (WAL, synchronous=FULL).
 */
export async function benchManifestIngest(): Promise<{ rows: [string, string][] }> {
  const dir = mkdtempSync(join(tmpdir(), 'opencounter-bench-'));
  try {
    const changes: ParcelChange[] = Array.from({ length: PARCELS }, (_, i) => ({
      type: 'parcel',
      trackingId: `BN${String(i).padStart(10, '0')}`,
      recipientName: `Customer ${i}`,
      size: (['small', 'medium', 'large'] as const)[i % 3]!,
      pickupCode: String((i * 7919) % 1_000_000).padStart(6, '0'),
    }));
    // What the network's GET /manifest answers, page by page (cursor = index of the next change).
    const wire: string[] = [];
    for (let start = 0; start < PARCELS; start += PAGE) {
      const end = Math.min(PARCELS, start + PAGE);
      wire.push(JSON.stringify({ changes: changes.slice(start, end), cursor: String(end), hasMore: end < PARCELS }));
    }

    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9));
    const core = openCounterCore(dir, clock);
    core.networks.add({
      id: NETWORK,
      name: 'Bench network',
      adapter: 'http',
      policy: { ...defaultHttpPolicy, trackingIdPattern: '^BN[0-9]{10}$', capacity: 100_000 },
    });

    const first = await timed(() => core.counter.pullManifest(NETWORK, wireAdapter(wire)));
    if (first.result !== PARCELS) throw new Error(`the first ingest added ${first.result} parcels, not ${PARCELS}`);
    const again = await timed(() => core.counter.pullManifest(NETWORK, wireAdapter(wire)));
    if (again.result !== 0) throw new Error(`re-ingesting the same manifest added ${again.result} parcels`);
    const parseOnly = await timed(async () => wire.forEach((text) => manifestPageSchema.parse(JSON.parse(text))));
    const hashes = changes.map((c) => core.counter.hasher.hash(c.pickupCode));
    core.close();

    const raw = new BetterSqlite3(join(dir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec(
      'CREATE TABLE parcels (network_id TEXT, tracking_id TEXT, recipient_name TEXT, size TEXT, pickup_code_hash BLOB, state TEXT, announced_at INTEGER, state_changed_at INTEGER)',
    );
    const insert = raw.prepare(
      "INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES (?, ?, ?, ?, ?, 'expected', ?, ?)",
    );
    const rawRun = await timed(async () =>
      raw.transaction(() =>
        changes.forEach((c, i) => insert.run(NETWORK, c.trackingId, c.recipientName, c.size, hashes[i]!, clock.now(), clock.now())),
      )(),
    );
    raw.close();

    const rate = (t: number) => `${((PARCELS / t) * 1000).toFixed(0)} parcels/s`;
    return {
      rows: [
        ['App: parse + validate + pullManifest, 2 pages of 5 000', `${ms(first.ms)} (${rate(first.ms)})`],
        ['Raw better-sqlite3 insert of the same rows, one fsynced transaction', `${ms(rawRun.ms)} (${rate(rawRun.ms)})`],
        ['Ratio app/raw (time)', `${(first.ms / rawRun.ms).toFixed(1)}× (throughput ratio ${(rawRun.ms / first.ms).toFixed(2)})`],
        [
          'App again, same manifest (all known: no-op upsert)',
          `${ms(again.ms)} (${rate(again.ms)}), ${(again.ms / rawRun.ms).toFixed(1)}× raw`,
        ],
        ['JSON.parse + manifestPageSchema of both pages alone (warm, no database)', ms(parseOnly.ms)],
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

/** Serves the pages in order as text off the wire, parsed and validated as the HTTP adapter does, on each pull. */
function wireAdapter(pages: readonly string[]): NetworkAdapter {
  let next = 0;
  return {
    async pullManifest() {
      const text = pages[next++];
      if (text === undefined) throw new Error('pulled past the last page');
      return readManifestPage(manifestPageSchema.parse(JSON.parse(text)));
    },
    async pushEvents() {
      throw new Error('not used by this benchmark');
    },
  };
}
