import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import { CoreError } from '../errors';
import type { OrderStatus, RepairStatus } from './order-states';

/** A finished order is read-only: every change to it or its lines asks this first. */
export function assertEditable(order: { id: number; status: OrderStatus }): void {
  if (order.status === 'finished')
    throw new CoreError('SERVICE_ORDER_FINISHED', `Service order ${order.id} is finished and can no longer change`);
}

export interface LineRecord {
  id: number;
  orderId: number;
  itemId: number;
  repairStatus: RepairStatus;
  estimatedHours: number;
  responseAt: number | null;
  orderStatus: OrderStatus;
}

/** A line with its order's status, as the guards need it. */
export function lineRecord(db: Database, lineId: number): LineRecord {
  const row = sql<[number], LineRecord>(
    db,
    `SELECT l.id, l.order_id AS orderId, l.item_id AS itemId, l.repair_status AS repairStatus, l.estimated_hours AS estimatedHours,
            l.response_at AS responseAt, o.status AS orderStatus
       FROM service_order_lines l JOIN service_orders o ON o.id = l.order_id WHERE l.id = ?`,
  ).get(lineId);
  if (!row) throw new CoreError('NOT_FOUND', `No service order line ${lineId}`);
  return row;
}
