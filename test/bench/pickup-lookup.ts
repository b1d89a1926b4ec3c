import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../main/api/event-bus';
import { coreHandlers } from '../../main/api/handlers';
import { createRouter } from '../../main/api/router';
import { ManualClock } from '../../main/core/clock';
import { openCounterCore } from '../../main/core/counter-core';
import { ScannerHub } from '../../main/app/scanner-hub';
import { ms, percentile } from './stats';

const PARCELS = 100_000;
const LOOKUPS = 500;

/**
 * Pickup-code lookup with 100 000 parcels in the database: the whole
 * pickup.start call (throttle check, keyed hash, indexed lookup, the pickup
 * and its attempt logged, fsynced) against a bare indexed SELECT by hash.
 */
export async function benchPickupLookup(): Promise<{ rows: [string, string][] }> {
  const dir = mkdtempSync(join(tmpdir(), 'opencounter-bench-'));
  try {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9));
    const core = openCounterCore(dir, clock);
    const { db, counter } = core;
    const insert = db.prepare(
      `INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, received_at, expires_at, state_changed_at)
       VALUES ('demo-fr', ?, ?, 'small', ?, 'received', ?, ?, ?, ?)`,
    );
    const now = clock.now();
    const codeOf = (i: number) => String((i * 7919) % 1_000_000).padStart(6, '0');
    db.transaction(() => {
      for (let i = 0; i < PARCELS; i++) {
        insert.run(
          `QC${String(i).padStart(10, '0')}`,
          `Customer ${i}`,
          counter.hasher.hash(codeOf(i)),
          now,
          now,
          now + 14 * 86_400_000,
          now,
        );
      }
    })();
    db.exec('ANALYZE');
    const hub = new ScannerHub({ core, events: new EventBus(), receiveScan: () => {} });
    const router = createRouter(coreHandlers(core, { version: 'bench', testHooks: false }, { changed: () => {}, scanners: hub }));

    const appTimes: number[] = [];
    for (let n = 0; n < LOOKUPS; n++) {
      const code = codeOf((n * 197) % PARCELS);
      const t0 = performance.now();
      const answer = await router.dispatch('pickup.start', { code, method: 'scanner' });
      appTimes.push(performance.now() - t0);
      if (!answer.ok || (answer.value as { outcome: string }).outcome !== 'found') throw new Error(`lookup ${n} failed`);
      clock.advance(1000);
    }

    const select = db.prepare('SELECT id FROM parcels WHERE pickup_code_hash = ?');
    const hashes = Array.from({ length: LOOKUPS }, (_, n) => counter.hasher.hash(codeOf((n * 197) % PARCELS)));
    const bareTimes: number[] = [];
    for (const hash of hashes) {
      const t0 = performance.now();
      if (select.all(hash).length === 0) throw new Error('bare lookup found nothing');
      bareTimes.push(performance.now() - t0);
    }
    await hub.close();
    core.close();
    return {
      rows: [
        [
          `pickup.start through the router, ${PARCELS} parcels (p50 / p99)`,
          `${ms(percentile(appTimes, 50))} / ${ms(percentile(appTimes, 99))}`,
        ],
        ['Bare indexed SELECT by hash (p50 / p99)', `${ms(percentile(bareTimes, 50))} / ${ms(percentile(bareTimes, 99))}`],
        ['Ratio of p50s (call / bare)', (percentile(appTimes, 50) / percentile(bareTimes, 50)).toFixed(1)],
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
