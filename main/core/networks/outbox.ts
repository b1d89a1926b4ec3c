import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { NetworkRequestError } from './http/network-error';
import type { NetworkAdapter, OutboundEvent } from './network-adapter';

interface OutboxRow {
  id: number;
  idempotency_key: string;
  kind: string;
  payload_json: string;
}

const WAITING = 'network_id = ? AND delivered_at IS NULL AND refused_at IS NULL';

/** The network answered, and said no to this content: sending it again cannot help. A wrong token or URL is not that. */
function isRefusal(error: unknown): error is NetworkRequestError {
  return error instanceof NetworkRequestError && error.problem === 'rejected';
}

/**
 * Delivers the events written to the outbox (in the same transaction as the
 * change they report) to the network, oldest first, and marks them delivered
 * only after the network accepted them: at least once, in order. A network
 * that is down leaves them queued for the next try. An event the network
 * refuses as malformed is parked with its reason, so it cannot hold back
 * every event after it.
 */
export class OutboxPump {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  pending(networkId: string): number {
    return sql<[string], { n: number }>(this.db, `SELECT count(*) AS n FROM outbox WHERE ${WAITING}`).get(networkId)!.n;
  }

  async deliver(networkId: string, adapter: NetworkAdapter, batchSize = 100): Promise<number> {
    let delivered = 0;
    for (;;) {
      const rows = sql<[string, number], OutboxRow>(
        this.db,
        `SELECT id, idempotency_key, kind, payload_json FROM outbox WHERE ${WAITING} ORDER BY id LIMIT ?`,
      ).all(networkId, batchSize);
      if (rows.length === 0) return delivered;
      try {
        await adapter.pushEvents(networkId, rows.map(toEvent));
        this.markDelivered(rows);
        delivered += rows.length;
      } catch (error) {
        if (!isRefusal(error)) throw error;
        // Which one? Each alone, in order: the good ones go, the refused one is parked.
        delivered += await this.deliverOneByOne(networkId, adapter, rows);
      }
    }
  }

  private async deliverOneByOne(networkId: string, adapter: NetworkAdapter, rows: readonly OutboxRow[]): Promise<number> {
    let delivered = 0;
    for (const row of rows) {
      try {
        await adapter.pushEvents(networkId, [toEvent(row)]);
        this.markDelivered([row]);
        delivered++;
      } catch (error) {
        if (!isRefusal(error)) throw error;
        sql(this.db, 'UPDATE outbox SET refused_at = ?, refusal = ? WHERE id = ? AND delivered_at IS NULL').run(
          this.clock.now(),
          error.message.slice(0, 500),
          row.id,
        );
      }
    }
    return delivered;
  }

  private markDelivered(rows: readonly OutboxRow[]): void {
    const mark = sql(this.db, 'UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL');
    const now = this.clock.now();
    this.db.transaction(() => rows.forEach((r) => mark.run(now, r.id)))();
  }
}

function toEvent(row: OutboxRow): OutboundEvent {
  return { idempotencyKey: row.idempotency_key, kind: row.kind, payload: JSON.parse(row.payload_json) };
}
