import type { Migration } from '../migration';

/** Settings, networks and the per-network secret the driver QR is derived from. */
export const initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE networks (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        adapter     TEXT NOT NULL,
        policy_json TEXT NOT NULL,
        enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        created_at  INTEGER NOT NULL
      ) STRICT;

      -- Kept apart from networks so no query that lists networks can leak it.
      CREATE TABLE network_secrets (
        network_id TEXT PRIMARY KEY REFERENCES networks(id),
        secret     BLOB NOT NULL CHECK (length(secret) >= 20),
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
