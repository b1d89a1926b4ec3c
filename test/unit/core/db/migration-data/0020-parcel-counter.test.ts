import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, migrateTo, refusedBy, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 20', () => {
  it('20 parcel-counter: settings and networks come through, the default counter user is there, parcels and the custody log keep their rules', () => {
    const db = databaseAt(tempDir(), versionBefore(20));
    db.exec(`
      INSERT INTO settings (key, value, updated_at) VALUES ('store.id', 'ST-1', 1);
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{"retentionDays":7}', 0, 2);
      INSERT INTO network_secrets (network_id, secret, created_at) VALUES ('n1', zeroblob(20), 3);
    `);
    const before = everyRow(db);

    migrateTo(db, 20);
    const after = everyRow(db);
    expect(Object.fromEntries(Object.keys(before).map((t) => [t, after[t]]))).toEqual(before);
    expect(after.staff).toEqual([{ id: 'counter', display_name: 'Counter', role: 'manager', created_at: 0 }]);
    for (const [table, rows] of Object.entries(after)) if (!(table in before) && table !== 'staff') expect(rows, table).toEqual([]);

    db.exec(`
      INSERT INTO shelf_slots (id, size, capacity, position) VALUES ('A1', 'small', 10, 1);
      INSERT INTO parcels (id, network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES (1, 'n1', 'T1', 'Ada', 'small', x'01', 'expected', 4, 4);
      INSERT INTO custody_events (parcel_id, from_state, to_state, at, actor_id, method) VALUES (1, NULL, 'expected', 4, 'counter', 'system');
    `);
    expect(db.prepare('SELECT active FROM shelf_slots').pluck().get()).toBe(1);
    const refused = refusedBy(db);
    refused(
      "INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES ('n1', 'T1', 'Bo', 'small', x'02', 'expected', 5, 5)",
      /UNIQUE/,
    );
    refused(
      "INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES ('n1', 'T2', 'Bo', 'huge', x'02', 'expected', 5, 5)",
      /CHECK/,
    );
    refused(
      "INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES ('nx', 'T3', 'Bo', 'small', x'02', 'expected', 5, 5)",
      /FOREIGN KEY/,
    );
    refused("INSERT INTO shelf_slots (id, size, capacity, position) VALUES ('A2', 'small', 0, 2)", /CHECK/);
    refused("INSERT INTO staff (id, display_name, role, created_at) VALUES ('x', 'X', 'owner', 0)", /CHECK/);
    refused('UPDATE custody_events SET at = 5', /append-only/);
    refused('DELETE FROM custody_events', /append-only/);
    refused("INSERT INTO store_keys (name, secret, created_at) VALUES ('pickup', zeroblob(31), 0)", /CHECK/);
    db.close();
  });
});
