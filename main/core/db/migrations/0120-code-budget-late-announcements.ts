import type { Migration } from '../migration';

/**
 * The wrong-code budget and the parcel a network announces after it arrived.
 *
 * - Each pickup attempt says how the code came (`entry`): typed, from the
 *   customer's pickup barcode, or an inventory search (which has its own
 *   budget and is logged once per code, so `code_hash` is kept for searches).
 * - A manager lifting the code lock early is logged in its own append-only
 *   table with the last attempt it forgave.
 * - A parcel received unannounced waits for its announcement to learn its
 *   customer, size and pickup code; existing ones are found by their
 *   custody log.
 */
export const codeBudgetLateAnnouncements: Migration = {
  version: 120,
  name: 'code-budget-late-announcements',
  up(db) {
    db.exec(`
      ALTER TABLE pickup_attempts ADD COLUMN entry TEXT NOT NULL DEFAULT 'typed' CHECK (entry IN ('typed', 'barcode', 'search'));
      ALTER TABLE pickup_attempts ADD COLUMN code_hash BLOB;
      CREATE INDEX pickup_attempts_entry ON pickup_attempts (entry, at);

      CREATE TABLE pickup_code_lock_lifts (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        at              INTEGER NOT NULL,
        actor_id        TEXT NOT NULL REFERENCES staff(id),
        last_attempt_id INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER pickup_code_lock_lifts_no_update BEFORE UPDATE ON pickup_code_lock_lifts
        BEGIN SELECT RAISE(ABORT, 'lock lifts are append-only'); END;
      CREATE TRIGGER pickup_code_lock_lifts_no_delete BEFORE DELETE ON pickup_code_lock_lifts
        BEGIN SELECT RAISE(ABORT, 'lock lifts are append-only'); END;

      ALTER TABLE parcels ADD COLUMN awaiting_announcement INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_announcement IN (0, 1));
      UPDATE parcels SET awaiting_announcement = 1
        WHERE id IN (SELECT parcel_id FROM custody_events WHERE from_state IS NULL AND reason = 'not-announced');
    `);
  },
};
