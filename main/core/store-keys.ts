import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';

/** A named random key of the store, created on first use and kept in SQLite. */
export function storeKey(db: Database, clock: Clock, name: string): Buffer {
  return db
    .transaction(() => {
      const row = db.prepare<[string], { secret: Buffer }>('SELECT secret FROM store_keys WHERE name = ?').get(name);
      if (row) return row.secret;
      const secret = randomBytes(32);
      db.prepare('INSERT INTO store_keys (name, secret, created_at) VALUES (?, ?, ?)').run(name, secret, clock.now());
      return secret;
    })
    .immediate();
}
