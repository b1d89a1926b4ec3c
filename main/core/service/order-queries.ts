import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import type { Priority } from './service-shapes';
import type { OrderStatus } from './order-states';

export interface OrderSummary {
  id: number;
  customerName: string;
  fault: string;
  priority: Priority;
  status: OrderStatus;
  responseAt: number | null;
  createdAt: number;
  lineCount: number;
  /** Lines nobody is allocated to (or that need someone else). */
  unallocated: number;
  overdue: boolean;
}

export interface OrderFilter {
  status: OrderStatus | 'open' | 'all';
  search: string;
  overdueOnly: boolean;
}

/** Lines waiting for a technician: nonactive or needing reallocation, on a line not finished. */
const UNALLOCATED = `(SELECT count(*) FROM service_order_lines l JOIN service_allocations a ON a.line_id = l.id
   WHERE l.order_id = o.id AND l.repair_status <> 'finished' AND a.state IN ('nonactive', 'reallocation_needed'))`;

/** Lists and counts over orders, filtered and searched in SQL. */
export class ServiceOrderQueries {
  constructor(private readonly db: Database) {}

  list(filter: OrderFilter, now: number, limit = 200): OrderSummary[] {
    const clauses: string[] = [];
    const params: Record<string, unknown> = { now, limit };
    if (filter.status === 'open') clauses.push("o.status <> 'finished'");
    else if (filter.status !== 'all') {
      clauses.push('o.status = @status');
      params.status = filter.status;
    }
    if (filter.overdueOnly) clauses.push("o.status <> 'finished' AND o.response_at < @now");
    const q = filter.search.trim();
    if (q !== '') {
      params.like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.id = /^\d+$/.test(q) ? Number(q) : -1;
      clauses.push(`(o.id = @id OR c.name LIKE @like ESCAPE '\\' OR o.fault LIKE @like ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM service_order_lines l JOIN service_items i ON i.id = l.item_id
                   WHERE l.order_id = o.id AND (i.serial LIKE @like ESCAPE '\\' OR i.description LIKE @like ESCAPE '\\')))`);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    return this.db
      .prepare<Record<string, unknown>, Omit<OrderSummary, 'overdue'>>(
        `SELECT o.id, c.name AS customerName, o.fault, o.priority, o.status, o.response_at AS responseAt, o.created_at AS createdAt,
                (SELECT count(*) FROM service_order_lines WHERE order_id = o.id) AS lineCount, ${UNALLOCATED} AS unallocated
           FROM service_orders o JOIN service_customers c ON c.id = o.customer_id ${where}
          ORDER BY o.status = 'finished', o.response_at IS NULL, o.response_at, o.id DESC LIMIT @limit`,
      )
      .all(params)
      .map((o) => ({ ...o, overdue: o.status !== 'finished' && o.responseAt !== null && o.responseAt < now }));
  }

  /** Open orders by status, plus those finished since `since`. */
  countsByStatus(since: number): Record<OrderStatus, number> {
    const counts: Record<OrderStatus, number> = { pending: 0, in_process: 0, on_hold: 0, finished: 0 };
    for (const row of sql<[number], { status: OrderStatus; n: number }>(
      this.db,
      "SELECT status, count(*) AS n FROM service_orders WHERE status <> 'finished' OR finished_at >= ? GROUP BY status",
    ).all(since)) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  unallocatedLines(): number {
    return sql<[], { n: number }>(
      this.db,
      `SELECT count(*) AS n FROM service_order_lines l JOIN service_allocations a ON a.line_id = l.id
        WHERE l.repair_status <> 'finished' AND a.state IN ('nonactive', 'reallocation_needed')`,
    ).get()!.n;
  }
}
