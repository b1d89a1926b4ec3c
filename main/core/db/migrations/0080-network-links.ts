import type { Migration } from '../migration';

/**
 * How the store reaches each network over HTTP (URL, token, the staff's
 * policy overrides), the drivers a network saw check in, outbox events a
 * network refused, and parcels a network recalled.
 */
export const networkLinks: Migration = {
  version: 80,
  name: 'network-links',
  up(db) {
    db.exec(`
      ALTER TABLE networks ADD COLUMN base_url TEXT;
      -- The policy the network sent (or the default); the staff's overrides are kept apart so a network update does not undo them.
      ALTER TABLE networks ADD COLUMN policy_overrides_json TEXT NOT NULL DEFAULT '{}';

      -- Kept apart from networks, like the QR secret, so no query that lists networks can leak it.
      CREATE TABLE network_tokens (
        network_id TEXT PRIMARY KEY REFERENCES networks(id),
        token      TEXT NOT NULL CHECK (length(token) > 0),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE driver_check_ins (
        id           INTEGER PRIMARY KEY,
        network_id   TEXT NOT NULL REFERENCES networks(id),
        remote_id    TEXT NOT NULL,
        at           INTEGER NOT NULL,
        driver_name  TEXT,
        parcel_count INTEGER,
        received_at  INTEGER NOT NULL,
        dismissed_at INTEGER,
        UNIQUE (network_id, remote_id)
      ) STRICT;

      -- An event the network refused as malformed (400, 409, 422): parked with the network's reason so the
      -- events after it still go, and shown to the staff; it is never sent again on its own.
      ALTER TABLE outbox ADD COLUMN refused_at INTEGER;
      ALTER TABLE outbox ADD COLUMN refusal TEXT;

      ALTER TABLE parcels ADD COLUMN recalled_at INTEGER;
      ALTER TABLE parcels ADD COLUMN recall_reason TEXT;
    `);
  },
};
