import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, expectEmpty, migrateTo, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 120', () => {
  it('120 code-budget-late-announcements: earlier attempts count as typed with no code kept, only parcels received unannounced wait for their announcement', () => {
    const db = databaseAt(tempDir(), versionBefore(120));
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 0);
      INSERT INTO parcels (id, network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, received_at, state_changed_at) VALUES
        (1, 'n1', 'LATE1', '', 'small', x'01', 'received', 10, 11, 11),
        (2, 'n1', 'ANN1', 'Anna', 'large', x'02', 'received', 12, 13, 13),
        (3, 'n1', 'ANN2', 'Bruno', 'medium', x'03', 'expected', 14, NULL, 14);
      INSERT INTO custody_events (parcel_id, from_state, to_state, at, actor_id, method, reason) VALUES
        (1, NULL, 'expected', 11, 'counter', 'scanner', 'not-announced'),
        (1, 'expected', 'received', 11, 'counter', 'scanner', 'unexpected'),
        (2, NULL, 'expected', 12, 'counter', 'system', 'announced'),
        (2, 'expected', 'received', 13, 'counter', 'scanner', NULL),
        -- The reason alone does not make a parcel late: only its first event does.
        (3, NULL, 'expected', 14, 'counter', 'system', 'announced'),
        (3, 'expected', 'expected', 15, 'counter', 'manual', 'not-announced');
      INSERT INTO pickup_attempts (at, counter_id, actor_id, method, outcome) VALUES
        (20, 'counter-1', 'counter', 'keyboard', 'wrong'),
        (21, 'counter-1', 'counter', 'scanner', 'matched'),
        (22, 'counter-2', 'counter', 'keyboard', 'throttled');
    `);
    const attemptsBefore = db.prepare('SELECT * FROM pickup_attempts ORDER BY id').all() as object[];
    const parcelsBefore = db.prepare('SELECT * FROM parcels ORDER BY id').all() as object[];
    const before = everyRow(db, ['pickup_attempts', 'parcels']);

    migrateTo(db, 120);
    expect(db.prepare('SELECT * FROM pickup_attempts ORDER BY id').all()).toEqual(
      attemptsBefore.map((a) => ({ ...a, entry: 'typed', code_hash: null })),
    );
    expect(db.prepare('SELECT * FROM parcels ORDER BY id').all()).toEqual(
      parcelsBefore.map((p, i) => ({ ...p, awaiting_announcement: i === 0 ? 1 : 0 })),
    );
    expect(everyRow(db, ['pickup_attempts', 'parcels', 'pickup_code_lock_lifts'])).toEqual(before);
    expectEmpty(db, ['pickup_code_lock_lifts']);

    expect(() =>
      db
        .prepare(
          "INSERT INTO pickup_attempts (at, counter_id, actor_id, method, outcome, entry) VALUES (30, 'c', 'counter', 'keyboard', 'wrong', 'guessed')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE parcels SET awaiting_announcement = 2 WHERE id = 1').run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO pickup_code_lock_lifts (at, actor_id, last_attempt_id) VALUES (31, 'nobody', 3)").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.prepare("INSERT INTO pickup_code_lock_lifts (at, actor_id, last_attempt_id) VALUES (31, 'counter', 3)").run();
    expect(() => db.prepare('UPDATE pickup_code_lock_lifts SET at = 32').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM pickup_code_lock_lifts').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE pickup_attempts SET entry = 'search'").run()).toThrow(/append-only/);
    db.close();
  });
});
