import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, migrateTo, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 170', () => {
  it('170 pickup-finish-window: pickups come through with no finish pending, and finding the pickups due to finish reads the new index', () => {
    const db = databaseAt(tempDir(), versionBefore(170));
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 0);
      INSERT INTO parcels (id, network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, received_at, state_changed_at) VALUES
        (1, 'n1', 'T1', 'Ada', 'small', x'01', 'picked_up', 1, 2, 6),
        (2, 'n1', 'T2', 'Bo', 'large', x'02', 'received', 3, 4, 4);
      INSERT INTO custody_events (parcel_id, from_state, to_state, at, actor_id, method, reason) VALUES
        (1, NULL, 'expected', 1, 'counter', 'system', 'announced'),
        (1, 'expected', 'received', 2, 'counter', 'scanner', NULL),
        (1, 'received', 'picked_up', 6, 'counter', 'scanner', NULL);
      INSERT INTO pickups (id, pickup_code_hash, started_at, completed_at, actor_id) VALUES
        (1, x'01', 5, 6, 'counter'),
        (2, x'02', 7, NULL, 'counter');
      INSERT INTO pickup_items (pickup_id, parcel_id, scanned_at, method) VALUES (1, 1, 6, 'scanner'), (2, 2, NULL, NULL);
    `);
    const pickupsBefore = db.prepare('SELECT * FROM pickups ORDER BY id').all() as object[];
    const before = everyRow(db, ['pickups']);

    migrateTo(db, 170);
    // A pickup left open by the app before stays open until staff finish it: no finish is scheduled for it.
    expect(db.prepare('SELECT * FROM pickups ORDER BY id').all()).toEqual(pickupsBefore.map((p) => ({ ...p, finish_at: null })));
    expect(everyRow(db, ['pickups'])).toEqual(before);
    expect(db.prepare('SELECT min(finish_at) FROM pickups WHERE completed_at IS NULL AND finish_at IS NOT NULL').pluck().get()).toBeNull();

    const plans = [
      'SELECT min(finish_at) AS at FROM pickups WHERE completed_at IS NULL AND finish_at IS NOT NULL',
      'SELECT id FROM pickups WHERE completed_at IS NULL AND finish_at <= 10 ORDER BY finish_at',
    ].map((query) => (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((p) => p.detail).join(' '));
    for (const plan of plans) expect(plan).toContain('pickups_pending_finish');

    db.prepare('UPDATE pickups SET finish_at = 9 WHERE id = 2').run();
    expect(db.prepare('SELECT id FROM pickups WHERE completed_at IS NULL AND finish_at <= 10 ORDER BY finish_at').pluck().all()).toEqual([
      2,
    ]);
    db.close();
  });
});
