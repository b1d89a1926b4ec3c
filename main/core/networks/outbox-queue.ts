import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';

/** The kinds of event a network receives through the outbox. */
export type OutboxKind = 'custody' | 'capacity' | 'store-profile';

/**
 * Queues one event for a network, in the caller's transaction: the change and
 * the event that reports it are committed together or not at all. The
 * network drops repeats by the idempotency key. The event names the person whose action it reports.
 */
export function queueOutboxEvent(
  db: Database,
  event: { networkId: string; idempotencyKey: string; kind: OutboxKind; payload: unknown; at: number; actorId: string },
): void {
  sql(db, 'INSERT INTO outbox (network_id, idempotency_key, kind, payload_json, created_at, actor_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    event.networkId,
    event.idempotencyKey,
    event.kind,
    JSON.stringify(event.payload),
    event.at,
    event.actorId,
  );
}
