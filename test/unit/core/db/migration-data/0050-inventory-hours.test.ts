import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, expectEmpty, migrateTo, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 50', () => {
  it('50 inventory-hours: the data comes through, parcels are indexed by customer, the hours tables start empty and check their days and kinds', () => {
    const db = databaseAt(tempDir(), versionBefore(50));
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 2);
      INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES
        ('n1', 'T1', 'Ada', 'small', x'01', 'received', 4, 4), ('n1', 'T2', 'Bo', 'large', x'02', 'expected', 5, 5);
      INSERT INTO support_collaborators (name, email, created_at) VALUES ('Ada', 'ada@shop.it', 6);
    `);
    const before = everyRow(db);

    migrateTo(db, 50);
    expect(everyRow(db, ['opening_hours_week', 'opening_hours_exceptions'])).toEqual(before);
    expectEmpty(db, ['opening_hours_week', 'opening_hours_exceptions']);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT recipient_name FROM parcels WHERE state = 'received' ORDER BY recipient_name")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('parcels_recipient');

    db.exec(`
      INSERT INTO opening_hours_week (weekday, position, opens, closes) VALUES (6, 0, '09:00', '12:00');
      INSERT INTO opening_hours_exceptions (date, kind, ranges_json) VALUES ('2026-12-25', 'holiday', '[]');
    `);
    expect(db.prepare('SELECT note FROM opening_hours_exceptions').pluck().get()).toBe('');
    expect(() =>
      db.prepare("INSERT INTO opening_hours_week (weekday, position, opens, closes) VALUES (7, 0, '09:00', '12:00')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO opening_hours_week (weekday, position, opens, closes) VALUES (6, 0, '14:00', '18:00')").run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() =>
      db.prepare("INSERT INTO opening_hours_exceptions (date, kind, ranges_json) VALUES ('2026-12-26', 'strike', '[]')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
