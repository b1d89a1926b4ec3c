import type { Migration } from '../migration';

/**
 * Network tokens are stored sealed: the bytes a token cipher made and the
 * name of that cipher (`plain` where the platform offers no encryption, as in
 * the browser host), so a token sealed by one cipher is never read as another.
 */
export const sealedTokens: Migration = {
  version: 100,
  name: 'sealed-tokens',
  up(db) {
    db.exec(`
      CREATE TABLE network_tokens_sealed (
        network_id TEXT PRIMARY KEY REFERENCES networks(id),
        cipher     TEXT NOT NULL CHECK (length(cipher) > 0),
        sealed     BLOB NOT NULL CHECK (length(sealed) > 0),
        updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO network_tokens_sealed (network_id, cipher, sealed, updated_at)
        SELECT network_id, 'plain', CAST(token AS BLOB), updated_at FROM network_tokens;
      DROP TABLE network_tokens;
      ALTER TABLE network_tokens_sealed RENAME TO network_tokens;
    `);
  },
};
