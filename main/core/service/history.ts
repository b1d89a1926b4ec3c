import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import type { HistoryKind } from './service-shapes';

export interface HistoryEntry {
  id: number;
  at: number;
  actor: string;
  kind: HistoryKind;
  lineId: number | null;
  allocationId: number | null;
  fromState: string | null;
  toState: string | null;
  detail: string | null;
}

export interface HistoryMove {
  orderId: number;
  lineId?: number;
  allocationId?: number;
  actor: string;
  kind: HistoryKind;
  from?: string | null;
  to?: string | null;
  detail?: string | null;
}

/** The order's append-only history (triggers refuse UPDATE and DELETE): every move, when, and who made it. */
export class ServiceHistory {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  record(move: HistoryMove): void {
    sql(
      this.db,
      'INSERT INTO service_history (order_id, line_id, allocation_id, at, actor, kind, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      move.orderId,
      move.lineId ?? null,
      move.allocationId ?? null,
      this.clock.now(),
      move.actor,
      move.kind,
      move.from ?? null,
      move.to ?? null,
      move.detail ?? null,
    );
  }

  forOrder(orderId: number): HistoryEntry[] {
    return sql<[number], HistoryEntry>(
      this.db,
      `SELECT id, at, actor, kind, line_id AS lineId, allocation_id AS allocationId, from_state AS fromState, to_state AS toState, detail
         FROM service_history WHERE order_id = ? ORDER BY id`,
    ).all(orderId);
  }
}
