import type { Migration } from '../migration';

/**
 * Staff accounts: a PIN (scrypt, never the PIN itself), an active flag
 * (people are deactivated, never deleted: the logs refer to them) and the
 * wrong-PIN count that survives a restart. Every write a person makes now
 * names them: settings, network changes, the outbox, support cases, replies
 * and call-backs. Rows written before this version keep NULL (the built-in
 * `counter` user wrote them all).
 */
export const staffAccounts: Migration = {
  version: 130,
  name: 'staff-accounts',
  up(db) {
    db.exec(`
      -- scrypt$<N>$<r>$<p>$<salt base64>$<key base64>; NULL for the built-in 'counter' user, who cannot sign in.
      ALTER TABLE staff ADD COLUMN pin_hash TEXT;
      ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
      ALTER TABLE staff ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE staff ADD COLUMN last_failed_at INTEGER;
      ALTER TABLE staff ADD COLUMN updated_at INTEGER;
      ALTER TABLE staff ADD COLUMN updated_by TEXT REFERENCES staff(id);

      ALTER TABLE settings ADD COLUMN updated_by TEXT REFERENCES staff(id);
      ALTER TABLE networks ADD COLUMN updated_by TEXT REFERENCES staff(id);
      ALTER TABLE network_tokens ADD COLUMN updated_by TEXT REFERENCES staff(id);
      ALTER TABLE outbox ADD COLUMN actor_id TEXT REFERENCES staff(id);
      ALTER TABLE support_cases ADD COLUMN opened_by TEXT REFERENCES staff(id);
      ALTER TABLE support_messages ADD COLUMN actor_id TEXT REFERENCES staff(id);
      ALTER TABLE support_callbacks ADD COLUMN actor_id TEXT REFERENCES staff(id);
    `);
  },
};
