import type { Database } from 'better-sqlite3';
import { writeCsv, type CsvColumn, type CsvOptions, RAW_CSV } from '../spreadsheet-csv';
import { sql } from '../db/statements';
import { IN_CUSTODY, type ParcelState } from '../parcels/parcel-states';
import { PICKUP_CODE, type PickupCodeHasher, type PickupThrottle } from '../parcels/pickup-codes';
import { PARCEL_COLUMNS, type ParcelRow } from '../parcels/types';
import { normaliseTrackingId } from '../parcels/parcel-rules';
import { actingStaffId } from '../staff/acting-staff';

/** What staff see: a search (name, tracking ID or 6-digit pickup code) within some states (in custody by default). */
export interface InventoryFilter {
  search?: string;
  states?: readonly ParcelState[];
}

/**
 * One customer: the network gives no customer ID, so a customer is a name
 * with a pickup code (two people of the same name are two customers, and
 * one person's parcels under another code are another pickup anyway).
 * `key` is the group's first parcel ID: it opens the detail without the
 * code's hash leaving main.
 */
export interface CustomerGroup {
  key: number;
  name: string;
  count: number;
}

export interface CustomerPage {
  customers: CustomerGroup[];
  /** Customers and parcels across all pages. */
  totalCustomers: number;
  totalParcels: number;
}

/** One parcel per row; names come from the networks, so writeCsv keeps one starting with "=" as text. */
const PARCEL_CSV_COLUMNS: readonly CsvColumn<ParcelRow>[] = [
  { key: 'customer', value: (p) => p.recipient_name },
  { key: 'tracking_id', value: (p) => p.tracking_id },
  { key: 'parcel_id', value: (p) => p.id },
  { key: 'network', value: (p) => p.network_id },
  { key: 'state', value: (p) => p.state, translateUnder: 'states' },
  { key: 'shelf', value: (p) => p.slot_id },
  { key: 'size', value: (p) => p.size, translateUnder: 'sizes' },
  { key: 'announced_at', value: (p) => p.announced_at, date: true },
  { key: 'received_at', value: (p) => p.received_at, date: true },
  { key: 'expires_at', value: (p) => p.expires_at, date: true },
  { key: 'state_changed_at', value: (p) => p.state_changed_at, date: true },
];
export const CSV_COLUMNS = PARCEL_CSV_COLUMNS.map((c) => c.key);

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
   * A 6-digit search looks the code up by its hash. It is not a pickup
   * attempt: it neither spends nor forgives the pickup budget. It is still a
   * way to test codes, so it has its own share of the budget, and each code
   * is logged once per window: a search left open re-runs on every change
   * without logging again. With the share spent the code part is left out.
   */
  private codeHash(code: string): Buffer | undefined {
    const hash = this.hasher.hash(code);
    const before = this.throttle.lastSearch(hash);
    if (before === 'matched' || before === 'wrong') return hash;
    if (this.throttle.searchLockedUntil() !== undefined) {
      if (before !== 'throttled') this.throttle.record('throttled', actingStaffId(), 'keyboard', 'search', hash);
      return undefined;
    }
    const found = sql<[Buffer], { one: number }>(this.db, 'SELECT 1 AS one FROM parcels WHERE pickup_code_hash = ? LIMIT 1').get(hash);
    this.throttle.record(found ? 'matched' : 'wrong', actingStaffId(), 'keyboard', 'search', hash);
    return hash;
  }

  private where(filter: InventoryFilter): { clause: string; params: unknown[] } {
    const states = filter.states && filter.states.length > 0 ? filter.states : IN_CUSTODY;
    const parts = [`state IN (${states.map(() => '?').join(', ')})`];
    const params: unknown[] = [...states];
    const search = filter.search?.trim() ?? '';
    if (search !== '') {
      const compact = normaliseTrackingId(search);
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
      `SELECT min(id) AS key, recipient_name AS name, count(*) AS count FROM parcels WHERE ${clause}
       GROUP BY recipient_name, pickup_code_hash ORDER BY recipient_name, key LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset);
    const totals = sql<unknown[], { customers: number; parcels: number }>(
      this.db,
      `SELECT count(*) AS customers, coalesce(sum(n), 0) AS parcels
       FROM (SELECT count(*) AS n FROM parcels WHERE ${clause} GROUP BY recipient_name, pickup_code_hash)`,
    ).get(...params)!;
    return { customers, totalCustomers: totals.customers, totalParcels: totals.parcels };
  }

  /** The parcels of the customer whose group `key` is, that the same filter shows: exactly what the list counted. */
  parcelsOf(key: number, filter: InventoryFilter, limit = 500): ParcelRow[] {
    const { clause, params } = this.where(filter);
    return sql<unknown[], ParcelRow>(
      this.db,
      `SELECT ${PARCEL_COLUMNS} FROM parcels
       WHERE (recipient_name, pickup_code_hash) = (SELECT recipient_name, pickup_code_hash FROM parcels WHERE id = ?) AND ${clause}
       ORDER BY tracking_id LIMIT ?`,
    ).all(key, ...params, limit);
  }

  /** Every parcel the current view shows (all pages), one row each. */
  rows(filter: InventoryFilter): ParcelRow[] {
    const { clause, params } = this.where(filter);
    return sql<unknown[], ParcelRow>(
      this.db,
      `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE ${clause} ORDER BY recipient_name, pickup_code_hash, tracking_id`,
    ).all(...params);
  }

  /** The current view as CSV (RFC 4180: commas, quotes and newlines in names are quoted), with a header row. */
  csv(filter: InventoryFilter, options: CsvOptions = RAW_CSV): string {
    return writeCsv(this.rows(filter), PARCEL_CSV_COLUMNS, 'inventory.csv', options);
  }
}
