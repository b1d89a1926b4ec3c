import { randomBytes } from 'node:crypto';
import type { Migration } from '../migration';
import { canonicalForm, linkHash, type ChainedContent } from '../../parcels/custody-chain-hash';

/**
 * The custody log becomes a hash chain: each row stores the previous row's
 * hash and SHA-256 over that and its own canonical content, the first row
 * chained to a random genesis value kept here. The head (last id and hash)
 * is kept too, so a removed last row shows. Existing rows are chained in id
 * order, the only time the append-only trigger is lifted.
 */
export const custodyChain: Migration = {
  version: 140,
  name: 'custody-chain',
  up(db) {
    const genesis = randomBytes(32).toString('hex');
    db.exec(`
      CREATE TABLE custody_chain (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        genesis    TEXT NOT NULL CHECK (length(genesis) = 64),
        head_id    INTEGER,
        head_hash  TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- A broken link found by a check: shown in red on the home screen until a manager acknowledges it.
      CREATE TABLE custody_chain_alerts (
        id              INTEGER PRIMARY KEY,
        event_id        INTEGER NOT NULL,
        event_at        INTEGER,
        problem         TEXT NOT NULL CHECK (problem IN ('edited', 'link', 'tail')),
        found_at        INTEGER NOT NULL,
        acknowledged_at INTEGER,
        acknowledged_by TEXT REFERENCES staff(id),
        UNIQUE (event_id, problem)
      ) STRICT;

      ALTER TABLE custody_events ADD COLUMN prev_hash TEXT;
      ALTER TABLE custody_events ADD COLUMN hash TEXT;
      DROP TRIGGER custody_events_no_update;
    `);
    const rows = db
      .prepare<[], ChainedContent>(
        'SELECT id, parcel_id, from_state, to_state, at, actor_id, method, slot_id, reason, delivery_id FROM custody_events ORDER BY id',
      )
      .all();
    const update = db.prepare('UPDATE custody_events SET prev_hash = ?, hash = ? WHERE id = ?');
    let previous = genesis;
    let headId: number | null = null;
    for (const row of rows) {
      const hash = linkHash(previous, canonicalForm(row));
      update.run(previous, hash, row.id);
      previous = hash;
      headId = row.id;
    }
    db.prepare('INSERT INTO custody_chain (id, genesis, head_id, head_hash, created_at) VALUES (1, ?, ?, ?, 0)').run(
      genesis,
      headId,
      previous,
    );
    db.exec(`
      CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
      CREATE INDEX custody_events_at ON custody_events (at);
    `);
  },
};
