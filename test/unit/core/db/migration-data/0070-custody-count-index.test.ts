import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, migrateTo, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 70', () => {
  it('70 custody-count-index: every row comes through and counting a network’s parcels in custody reads the new index', () => {
    const db = databaseAt(tempDir(), versionBefore(70));
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 2), ('n2', 'Two', 'demo', '{}', 1, 3);
      INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES
        ('n1', 'T1', 'Ada', 'small', x'01', 'received', 4, 4), ('n2', 'T1', 'Bo', 'large', x'02', 'received', 5, 5);
    `);
    const before = everyRow(db);

    migrateTo(db, 70);
    expect(everyRow(db)).toEqual(before);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM parcels WHERE network_id = 'n1' AND state = 'received'").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('parcels_network_state');
    db.close();
  });
});
