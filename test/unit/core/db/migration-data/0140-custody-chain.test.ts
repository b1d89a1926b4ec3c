import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CustodyChain } from '../../../../../main/core/parcels/custody-chain';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, expectEmpty, migrateTo, refusedBy, versionBefore } from './database-at';

const tempDir = useTempDir();
const clock = { now: () => 100 };

interface ChainedRow {
  id: number;
  prev_hash: string;
  hash: string;
}

describe('migration 140', () => {
  it('140 custody-chain: the custody rows already kept are chained in id order from a random genesis, the chain verifies, and the log stays append-only', () => {
    const db = databaseAt(tempDir(), versionBefore(140));
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 0);
      INSERT INTO staff (id, display_name, role, created_at) VALUES ('anna', 'Anna', 'clerk', 1);
      INSERT INTO deliveries (id, network_id, handed_over_at, opened_by) VALUES (1, 'n1', 2, 'anna');
      INSERT INTO parcels (id, network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, received_at, state_changed_at) VALUES
        (1, 'n1', 'T1', 'Carla', 'small', x'0a', 'picked_up', 1, 3, 5),
        (2, 'n1', 'T2', 'Dario', 'large', x'0b', 'received', 1, 4, 4);
      INSERT INTO custody_events (parcel_id, from_state, to_state, at, actor_id, method, slot_id, reason, delivery_id) VALUES
        (1, NULL, 'expected', 1, 'counter', 'system', NULL, 'announced', NULL),
        (2, NULL, 'expected', 1, 'counter', 'system', NULL, 'announced', NULL),
        (1, 'expected', 'received', 3, 'anna', 'scanner', 'A-1', NULL, 1),
        (2, 'expected', 'received', 4, 'anna', 'keyboard', 'B-2', 'unexpected', 1),
        (1, 'received', 'picked_up', 5, 'anna', 'scanner', NULL, NULL, NULL);
    `);
    const custodyBefore = db.prepare('SELECT * FROM custody_events ORDER BY id').all() as object[];
    const before = everyRow(db, ['custody_events']);

    migrateTo(db, 140);
    const rows = db.prepare('SELECT id, prev_hash, hash FROM custody_events ORDER BY id').all() as ChainedRow[];
    expect(db.prepare('SELECT * FROM custody_events ORDER BY id').all()).toEqual(
      custodyBefore.map((e, i) => ({ ...e, prev_hash: rows[i]!.prev_hash, hash: rows[i]!.hash })),
    );
    expect(everyRow(db, ['custody_events', 'custody_chain', 'custody_chain_alerts'])).toEqual(before);
    expectEmpty(db, ['custody_chain_alerts']);

    const chainRow = db.prepare('SELECT * FROM custody_chain').get() as { genesis: string; head_id: number; head_hash: string };
    expect(chainRow).toEqual({
      id: 1,
      genesis: expect.stringMatching(/^[0-9a-f]{64}$/),
      head_id: 5,
      head_hash: rows[4]!.hash,
      created_at: 0,
    });
    expect(rows.map((r) => r.prev_hash)).toEqual([chainRow.genesis, ...rows.slice(0, -1).map((r) => r.hash)]);
    // The first link recomputed the way an auditor would, outside the project's code.
    expect(rows[0]!.hash).toBe(
      createHash('sha256').update(`${chainRow.genesis}\n[1,1,null,"expected",1,"counter","system",null,"announced",null]`).digest('hex'),
    );
    const chain = new CustodyChain(db, clock);
    expect(chain.verify()).toEqual({ checked: 5, breaks: [] });

    // A new row links onto the migrated head.
    db.transaction(() => {
      const link = chain.link({
        parcel_id: 2,
        from_state: 'received',
        to_state: 'picked_up',
        at: 6,
        actor_id: 'anna',
        method: 'scanner',
        slot_id: null,
        reason: null,
        delivery_id: null,
      });
      expect(link).toMatchObject({ id: 6, prevHash: rows[4]!.hash });
      db.prepare(
        "INSERT INTO custody_events (id, parcel_id, from_state, to_state, at, actor_id, method, prev_hash, hash) VALUES (6, 2, 'received', 'picked_up', 6, 'anna', 'scanner', ?, ?)",
      ).run(link.prevHash, link.hash);
    })();
    expect(chain.verify()).toEqual({ checked: 6, breaks: [] });

    const refused = refusedBy(db);
    refused("UPDATE custody_events SET hash = 'x' WHERE id = 1", /append-only/);
    refused("UPDATE custody_events SET reason = 'moved' WHERE id = 3", /append-only/);
    refused('DELETE FROM custody_events WHERE id = 6', /append-only/);
    refused(`INSERT INTO custody_chain (id, genesis, head_hash, created_at) VALUES (2, '${'0'.repeat(64)}', 'h', 0)`, /CHECK/);
    refused("UPDATE custody_chain SET genesis = 'short'", /CHECK/);
    refused("INSERT INTO custody_chain_alerts (event_id, problem, found_at) VALUES (1, 'lost', 7)", /CHECK/);
    refused(
      "INSERT INTO custody_chain_alerts (event_id, problem, found_at, acknowledged_by) VALUES (1, 'edited', 7, 'ghost')",
      /FOREIGN KEY/,
    );
    db.exec("INSERT INTO custody_chain_alerts (event_id, problem, found_at) VALUES (1, 'edited', 7)");
    refused("INSERT INTO custody_chain_alerts (event_id, problem, found_at) VALUES (1, 'edited', 8)", /UNIQUE/);
    db.close();
  });

  it('an empty custody log gets a chain whose head is its genesis, and it verifies', () => {
    const db = databaseAt(tempDir(), versionBefore(140));
    migrateTo(db, 140);
    const chainRow = db.prepare('SELECT genesis, head_id, head_hash FROM custody_chain').get() as {
      genesis: string;
      head_id: number | null;
      head_hash: string;
    };
    expect(chainRow).toEqual({ genesis: chainRow.genesis, head_id: null, head_hash: chainRow.genesis });
    expect(new CustodyChain(db, clock).verify()).toEqual({ checked: 0, breaks: [] });
    // Each store has its own genesis.
    const other = databaseAt(tempDir(), 140);
    expect(other.prepare('SELECT genesis FROM custody_chain').pluck().get()).not.toBe(chainRow.genesis);
    other.close();
    db.close();
  });
});
