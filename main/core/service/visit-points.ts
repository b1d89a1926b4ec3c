import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import type { Point } from './geo';
import type { VisitWindow } from './service-shapes';

/** Where a line's work happens: the item's installation address if it has one, else the customer's. */
export interface VisitPlace {
  lineId: number;
  orderId: number;
  customerName: string;
  address: string;
  point: Point | null;
  description: string;
  windows: VisitWindow[];
}

export function visitPlace(db: Database, lineId: number): VisitPlace {
  const row = sql<
    [number],
    {
      lineId: number;
      orderId: number;
      customerName: string;
      address: string;
      lat: number | null;
      lon: number | null;
      description: string;
      windowsJson: string;
    }
  >(
    db,
    `SELECT l.id AS lineId, l.order_id AS orderId, c.name AS customerName, coalesce(i.address, c.address) AS address,
            CASE WHEN i.latitude IS NOT NULL THEN i.latitude ELSE c.latitude END AS lat,
            CASE WHEN i.latitude IS NOT NULL THEN i.longitude ELSE c.longitude END AS lon,
            i.description, o.windows_json AS windowsJson
       FROM service_order_lines l JOIN service_orders o ON o.id = l.order_id JOIN service_customers c ON c.id = o.customer_id
       JOIN service_items i ON i.id = l.item_id WHERE l.id = ?`,
  ).get(lineId)!;
  return {
    lineId: row.lineId,
    orderId: row.orderId,
    customerName: row.customerName,
    address: row.address,
    point: row.lat === null || row.lon === null ? null : { latitude: row.lat, longitude: row.lon },
    description: row.description,
    windows: JSON.parse(row.windowsJson) as VisitWindow[],
  };
}
