import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import type { NetworkAdapter, OutboundEvent } from './network-adapter';

interface OutboxRow {
  id: number;
  idempotency_key: string;
  kind: string;
  payload_json: string;
}

/**
 * Delivers the events written to the outbox (in the same transaction as the
 * change they report) to the network, oldest first, and marks them delivered
 * only after the network accepted them: at least once, in order. A network
 * that is down leaves them queued for the next try.
 */
export class OutboxPump {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  pending(networkId: string): number {
    return sql<[string], { n: number }>(this.db, 'SELECT count(*) AS n FROM outbox WHERE network_id = ? AND delivered_at IS NULL').get(networkId)!.n;
  }

  async deliver(networkId: string, adapter: NetworkAdapter, batchSize = 100): Promise<number> {
    let delivered = 0;
    for (;;) {
      const rows = sql<[string, number], OutboxRow>(
        this.db,
        'SELECT id, idempotency_key, kind, payload_json FROM outbox WHERE network_id = ? AND delivered_at IS NULL ORDER BY id LIMIT ?',
      ).all(networkId, batchSize);
      if (rows.length === 0) return delivered;
      const events: OutboundEvent[] = rows.map((r) => ({ idempotencyKey: r.idempotency_key, kind: r.kind, payload: JSON.parse(r.payload_json) }));
      await adapter.pushEvents(networkId, events);
      const mark = sql(this.db, 'UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL');
      const now = this.clock.now();
      this.db.transaction(() => rows.forEach((r) => mark.run(now, r.id)))();
      delivered += rows.length;
    }
  }
}
