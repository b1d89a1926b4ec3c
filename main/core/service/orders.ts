import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { CoreError, fieldError } from '../errors';
import type { ServiceAllocations } from './allocations';
import type { ServiceCustomers } from './customers';
import type { ServiceHistory } from './history';
import type { OrderInput, Priority, VisitWindow } from './service-shapes';
import type { ServiceItems } from './items';
import { assertEditable, lineRecord } from './order-guard';
import { deriveOrderStatus, type OrderStatus, type RepairStatus } from './order-states';

export interface OrderRecord {
  id: number;
  customerId: number;
  priority: Priority;
  fault: string;
  status: OrderStatus;
  windows: VisitWindow[];
  responseAt: number | null;
  createdAt: number;
  finishedAt: number | null;
  actor: string;
}

export interface LineRow {
  id: number;
  orderId: number;
  itemId: number;
  fault: string;
  repairStatus: RepairStatus;
  estimatedHours: number;
  responseAt: number | null;
}

interface OrderRow extends Omit<OrderRecord, 'windows'> {
  windowsJson: string;
}

const ORDER_COLUMNS = `id, customer_id AS customerId, priority, fault, status, windows_json AS windowsJson, response_at AS responseAt,
  created_at AS createdAt, finished_at AS finishedAt, actor`;
const LINE_COLUMNS =
  'id, order_id AS orderId, item_id AS itemId, fault, repair_status AS repairStatus, estimated_hours AS estimatedHours, response_at AS responseAt';

const toOrder = ({ windowsJson, ...row }: OrderRow): OrderRecord => ({ ...row, windows: JSON.parse(windowsJson) as VisitWindow[] });

/**
 * Service orders taken at the counter and their lines. A line's repair
 * status drives its allocation and the order's status (derived by the
 * status table); a finished order no longer changes.
 */
export class ServiceOrders {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly customers: ServiceCustomers,
    private readonly items: ServiceItems,
    private readonly allocations: ServiceAllocations,
    private readonly history: ServiceHistory,
    /** When a line on an item of this group is due, from now. */
    private readonly responseFor: (groupCode: string | null, from: number) => number | null,
  ) {}

  get(id: number): OrderRecord {
    const row = sql<[number], OrderRow>(this.db, `SELECT ${ORDER_COLUMNS} FROM service_orders WHERE id = ?`).get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No service order ${id}`);
    return toOrder(row);
  }

  lines(orderId: number): LineRow[] {
    return sql<[number], LineRow>(this.db, `SELECT ${LINE_COLUMNS} FROM service_order_lines WHERE order_id = ? ORDER BY id`).all(orderId);
  }

  line(lineId: number): LineRow {
    const row = sql<[number], LineRow>(this.db, `SELECT ${LINE_COLUMNS} FROM service_order_lines WHERE id = ?`).get(lineId);
    if (!row) throw new CoreError('NOT_FOUND', `No service order line ${lineId}`);
    return row;
  }

  /** The response date an order with these item groups would get if taken now: the earliest of its lines. */
  promise(groupCodes: readonly (string | null)[]): number | null {
    const now = this.clock.now();
    const dates = groupCodes.map((g) => this.responseFor(g, now)).filter((d): d is number => d !== null);
    return dates.length > 0 ? Math.min(...dates) : null;
  }

  /** Takes an order: items named or created on the fly, each line due by its group's response hours, all in one transaction. */
  create(input: OrderInput, actor: string): OrderRecord {
    return this.db
      .transaction(() => {
        this.customers.get(input.customerId);
        const now = this.clock.now();
        const lines = input.lines.map((line, i) => {
          if ((line.itemId === undefined) === (line.newItem === undefined))
            throw fieldError(`lines.${i}.itemId`, 'itemOrNewItem', 'Name an item or describe a new one');
          const item =
            line.itemId !== undefined ? this.items.get(line.itemId) : this.items.save({ ...line.newItem!, customerId: input.customerId });
          if (item.customerId !== input.customerId)
            throw fieldError(`lines.${i}.itemId`, 'otherCustomerItem', `Item ${item.id} belongs to another customer`);
          return { ...line, itemId: item.id, responseAt: this.responseFor(item.groupCode, now) };
        });
        const due = lines.map((l) => l.responseAt).filter((d): d is number => d !== null);
        const orderId = Number(
          sql(
            this.db,
            `INSERT INTO service_orders (customer_id, priority, fault, status, windows_json, response_at, created_at, actor) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)`,
          ).run(
            input.customerId,
            input.priority,
            input.fault,
            JSON.stringify(input.windows),
            due.length > 0 ? Math.min(...due) : null,
            now,
            actor,
          ).lastInsertRowid,
        );
        this.history.record({ orderId, actor, kind: 'order-created', to: 'pending' });
        for (const line of lines) {
          const lineId = Number(
            sql(
              this.db,
              "INSERT INTO service_order_lines (order_id, item_id, fault, repair_status, estimated_hours, response_at) VALUES (?, ?, ?, 'initial', ?, ?)",
            ).run(orderId, line.itemId, line.fault, line.estimatedHours, line.responseAt).lastInsertRowid,
          );
          this.allocations.open({ id: lineId, orderId }, actor);
        }
        return this.get(orderId);
      })
      .immediate();
  }

  /** Moves a line's repair status; its allocation follows, and the order's status is derived again. */
  setLineStatus(lineId: number, status: RepairStatus, actor: string): OrderRecord {
    return this.db
      .transaction(() => {
        const line = lineRecord(this.db, lineId);
        assertEditable({ id: line.orderId, status: line.orderStatus });
        if (line.repairStatus === status) return this.get(line.orderId);
        sql(this.db, 'UPDATE service_order_lines SET repair_status = ? WHERE id = ?').run(status, lineId);
        this.history.record({ orderId: line.orderId, lineId, actor, kind: 'line-status', from: line.repairStatus, to: status });
        this.allocations.followLine(line, status, actor);
        const derived = deriveOrderStatus(this.lines(line.orderId).map((l) => l.repairStatus));
        if (derived !== line.orderStatus) {
          sql(this.db, 'UPDATE service_orders SET status = ?, finished_at = ? WHERE id = ?').run(
            derived,
            derived === 'finished' ? this.clock.now() : null,
            line.orderId,
          );
          this.history.record({ orderId: line.orderId, actor, kind: 'order-status', from: line.orderStatus, to: derived });
        }
        return this.get(line.orderId);
      })
      .immediate();
  }
}
