import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../main/api/event-bus';
import { coreHandlers } from '../../main/api/handlers';
import { createRouter } from '../../main/api/router';
import { ManualClock } from '../../main/core/clock';
import { openCounterCore } from '../../main/core/counter-core';
import { ingestManifest } from '../../main/core/parcels/manifest-ingest';
import { ScannerHub } from '../../main/app/scanner-hub';

const DELIVERIES = 60;
const PER_DELIVERY = 20;

/**
 * Intake throughput: scans through router → core → SQLite (state change,
 * custody event and outbox row in one transaction, fsynced), against raw
 * better-sqlite3 inserts of a custody row per scan on the same settings
 * (WAL, synchronous=FULL, one transaction per scan), in the same run.
 */
export async function benchIntake(): Promise<{ rows: [string, string][]; ratio: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'opencounter-bench-'));
  try {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9));
    const core = openCounterCore(dir, clock);
    core.counter.slots.configure([
      { id: 'A1', size: 'small', capacity: 500 },
      { id: 'B1', size: 'medium', capacity: 500 },
      { id: 'C1', size: 'large', capacity: 500 },
    ]);
    core.db.prepare("UPDATE networks SET policy_json = json_set(policy_json, '$.capacity', 100000)").run();
    const hub = new ScannerHub({ core, events: new EventBus(), receiveScan: () => {} });
    const router = createRouter(coreHandlers(core, { version: 'bench', testHooks: false }, { changed: () => {}, scanners: hub }));
    const total = DELIVERIES * PER_DELIVERY;
    const items = Array.from({ length: total }, (_, i) => ({
      trackingId: `QC${String(i).padStart(10, '0')}`,
      recipientName: `Customer ${i}`,
      size: (['small', 'medium', 'large'] as const)[i % 3]!,
      pickupCode: String(100000 + i),
    }));
    ingestManifest(core.db, clock, core.counter.parcels, core.counter.ledger, core.counter.hasher, 'demo-fr', items);

    let scanned = 0;
    const started = performance.now();
    for (let d = 0; d < DELIVERIES; d++) {
      const batch = items.slice(d * PER_DELIVERY, (d + 1) * PER_DELIVERY).map((p) => p.trackingId);
      const delivery = core.counter.deliveries.handOver('demo-fr', { actorId: 'counter', method: 'manual' }, batch);
      for (const trackingId of batch) {
        const answer = await router.dispatch('delivery.scan', { deliveryId: delivery.id, trackingId, method: 'scanner' });
        if (!answer.ok) throw new Error(answer.error.message);
        scanned++;
      }
      core.counter.deliveries.complete(delivery.id);
    }
    const appSeconds = (performance.now() - started) / 1000;
    await hub.close();
    core.close();

    const raw = new BetterSqlite3(join(dir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec(
      'CREATE TABLE custody (id INTEGER PRIMARY KEY, parcel TEXT NOT NULL, from_state TEXT, to_state TEXT NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL, method TEXT NOT NULL, slot TEXT)',
    );
    const insert = raw.prepare('INSERT INTO custody (parcel, from_state, to_state, at, actor, method, slot) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const rawStarted = performance.now();
    for (const item of items) insert.run(item.trackingId, 'expected', 'received', Date.now(), 'counter', 'scanner', 'A1');
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    raw.close();

    const appRate = scanned / appSeconds;
    const rawRate = total / rawSeconds;
    return {
      ratio: appRate / rawRate,
      rows: [
        ['Intake scans through router → core → SQLite', `${appRate.toFixed(0)} scans/s (${scanned} scans)`],
        ['Raw better-sqlite3 insert, one fsynced transaction each', `${rawRate.toFixed(0)} rows/s`],
        ['Ratio (aim ≥ 0.3)', (appRate / rawRate).toFixed(2)],
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
