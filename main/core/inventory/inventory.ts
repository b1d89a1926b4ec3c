import type { Database } from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { sql } from '../db/statements';
import { IN_CUSTODY, type ParcelState } from '../parcels/parcel-states';
import { PICKUP_CODE, type PickupCodeHasher, type PickupThrottle } from '../parcels/pickup-codes';
import { PARCEL_COLUMNS, type ParcelRow } from '../parcels/types';
import { actingStaffId } from '../staff/acting-staff';

/** What staff see: a search (name, tracking ID or 6-digit pickup code) within some states (in custody by default). */
export interface InventoryFilter {
  search?: string;
  states?: readonly ParcelState[];
}

export interface CustomerGroup {
  name: string;
  count: number;
}

export interface CustomerPage {
  customers: CustomerGroup[];
  /** Customers and parcels across all pages. */
  totalCustomers: number;
  totalParcels: number;
}

export const CSV_COLUMNS = ['customer', 'tracking_id', 'parcel_id', 'network', 'state', 'shelf', 'size', 'announced_at', 'received_at', 'expires_at', 'state_changed_at'] as const;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The inventory: parcels grouped by customer, searched and filtered in SQL
 * with LIMIT/OFFSET so 100 000 parcels stay quick. A pickup code is only
 * stored as an HMAC, so a typed code is hashed and matched by hash.
 */
export class Inventory {
  constructor(
    private readonly db: Database,
    private readonly hasher: PickupCodeHasher,
    private readonly throttle: PickupThrottle,
  ) {}

  /**
   * A 6-digit search is a pickup-code lookup, so it obeys the same wrong-code
   * throttle and lands in the same attempts log as the pickup screen: the
   * inventory must not be a way around the lock. Locked, the code part of
   * the search is left out.
   */
  private codeHash(code: string): Buffer | undefined {
    if (this.throttle.lockedUntil() !== undefined) {
      this.throttle.record('throttled', actingStaffId(), 'keyboard');
      return undefined;
    }
    const hash = this.hasher.hash(code);
    const found = sql<[Buffer], { one: number }>(this.db, 'SELECT 1 AS one FROM parcels WHERE pickup_code_hash = ? LIMIT 1').get(hash);
    this.throttle.record(found ? 'matched' : 'wrong', actingStaffId(), 'keyboard');
    return hash;
  }

  private where(filter: InventoryFilter): { clause: string; params: unknown[] } {
    const states = filter.states && filter.states.length > 0 ? filter.states : IN_CUSTODY;
    const parts = [`state IN (${states.map(() => '?').join(', ')})`];
    const params: unknown[] = [...states];
    const search = filter.search?.trim() ?? '';
    if (search !== '') {
      const compact = search.replace(/\s+/g, '').toUpperCase();
      const alternatives = ["recipient_name LIKE ? ESCAPE '\\'", "tracking_id LIKE ? ESCAPE '\\'"];
      params.push(`%${likeEscape(search)}%`, `%${likeEscape(compact)}%`);
      const hash = PICKUP_CODE.test(compact) ? this.codeHash(compact) : undefined;
      if (hash) {
        alternatives.push('pickup_code_hash = ?');
        params.push(hash);
      }
      parts.push(`(${alternatives.join(' OR ')})`);
    }
    return { clause: parts.join(' AND '), params };
  }

  customers(filter: InventoryFilter, page: { limit: number; offset: number }): CustomerPage {
    const { clause, params } = this.where(filter);
    const customers = sql<unknown[], CustomerGroup>(
      this.db,
      `SELECT recipient_name AS name, count(*) AS count FROM parcels WHERE ${clause}
       GROUP BY recipient_name ORDER BY recipient_name LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset);
    const totals = sql<unknown[], { customers: number; parcels: number }>(
      this.db,
      `SELECT count(DISTINCT recipient_name) AS customers, count(*) AS parcels FROM parcels WHERE ${clause}`,
    ).get(...params)!;
    return { customers, totalCustomers: totals.customers, totalParcels: totals.parcels };
  }

  /** One customer's parcels in the filtered states (the search picked the customer; all of their parcels show). */
  parcelsOf(name: string, filter: InventoryFilter, limit = 500): ParcelRow[] {
    const { clause, params } = this.where({ states: filter.states });
    return sql<unknown[], ParcelRow>(
      this.db,
      `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE recipient_name = ? AND ${clause} ORDER BY tracking_id LIMIT ?`,
    ).all(name, ...params, limit);
  }

  /** Every parcel the current view shows (all pages), one row each. */
  rows(filter: InventoryFilter): ParcelRow[] {
    const { clause, params } = this.where(filter);
    return sql<unknown[], ParcelRow>(this.db, `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE ${clause} ORDER BY recipient_name, tracking_id`).all(...params);
  }

  /** The current view as CSV (RFC 4180: commas, quotes and newlines in names are quoted), with a header row. */
  csv(filter: InventoryFilter): string {
    const records = this.rows(filter).map((p) => [
      p.recipient_name,
      p.tracking_id,
      p.id,
      p.network_id,
      p.state,
      p.slot_id ?? '',
      p.size,
      iso(p.announced_at),
      iso(p.received_at),
      iso(p.expires_at),
      iso(p.state_changed_at),
    ]);
    // Names come from the networks: one starting with "=" or "+" must stay text in a spreadsheet.
    return stringify(records, { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\r\n', escape_formulas: true });
  }
}
