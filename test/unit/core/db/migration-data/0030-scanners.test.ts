import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, expectEmpty, migrateTo, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 30', () => {
  it('30 scanners: the counter data comes through, scanner devices start empty and take serial or HID only', () => {
    const db = databaseAt(tempDir(), versionBefore(30));
    db.exec(`
      INSERT INTO settings (key, value, updated_at) VALUES ('scanner.beep', '50', 1);
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 2);
      INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES ('n1', 'T1', 'Ada', 'small', x'01', 'expected', 4, 4);
    `);
    const before = everyRow(db);

    migrateTo(db, 30);
    expect(everyRow(db, ['scanner_devices'])).toEqual(before);
    expectEmpty(db, ['scanner_devices']);
    db.prepare(`INSERT INTO scanner_devices (id, kind, config_json, created_at) VALUES ('s1', 'hid', '{}', 5)`).run();
    expect(() =>
      db.prepare(`INSERT INTO scanner_devices (id, kind, config_json, created_at) VALUES ('s2', 'bluetooth', '{}', 5)`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO scanner_devices (id, kind, config_json, created_at) VALUES ('s1', 'serial', '{}', 5)`).run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    db.close();
  });
});
