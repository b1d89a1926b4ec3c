import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement for `text`, prepared once per connection. Preparing
 * parses the SQL every time; on the intake path that cost more than the
 * write itself.
 */
export function sql<P extends unknown[] | object = unknown[], R = unknown>(db: Database, text: string): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.prepare(text)));
  return statement as unknown as Statement<P, R>;
}
