import type { Database } from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { sql } from '../db/statements';
import { nextDate, zonedInstant } from '../zoned-time-calc';
import { canonicalForm, type ChainedContent } from './custody-chain-hash';

export const CUSTODY_CSV_COLUMNS = [
  'id',
  'at_iso',
  'at',
  'parcel_id',
  'tracking_id',
  'from_state',
  'to_state',
  'actor_id',
  'actor_name',
  'method',
  'slot_id',
  'reason',
  'delivery_id',
  'canonical',
  'prev_hash',
  'hash',
] as const;

/** When the day `date` (YYYY-MM-DD), or the day `plusDays` after it, starts in `timeZone`. */
export function zonedDayStart(date: string, timeZone: string, plusDays = 0): number {
  return zonedInstant(nextDate(date, plusDays), 0, timeZone);
}

/**
 * The custody log from `fromMs` (inclusive) to `toMs` (exclusive) as CSV
 * with each row's canonical form, previous hash and hash, so an auditor can
 * recompute the chain. Values are written exactly (no spreadsheet escaping):
 * the canonical column is what was hashed; an empty value is an empty cell.
 */
export function custodyCsv(db: Database, fromMs: number, toMs: number): { csv: string; count: number } {
  const rows = sql<[number, number], ChainedContent & { tracking_id: string; actor_name: string; prev_hash: string; hash: string }>(
    db,
    `SELECT e.id, e.parcel_id, e.from_state, e.to_state, e.at, e.actor_id, e.method, e.slot_id, e.reason, e.delivery_id, e.prev_hash, e.hash,
            p.tracking_id, s.display_name AS actor_name
     FROM custody_events e JOIN parcels p ON p.id = e.parcel_id JOIN staff s ON s.id = e.actor_id
     WHERE e.at >= ? AND e.at < ? ORDER BY e.id`,
  ).all(fromMs, toMs);
  const records = rows.map((r) => [
    r.id,
    new Date(r.at).toISOString(),
    r.at,
    r.parcel_id,
    r.tracking_id,
    r.from_state,
    r.to_state,
    r.actor_id,
    r.actor_name,
    r.method,
    r.slot_id,
    r.reason,
    r.delivery_id,
    canonicalForm(r),
    r.prev_hash,
    r.hash,
  ]);
  return { csv: stringify(records, { header: true, columns: [...CUSTODY_CSV_COLUMNS], record_delimiter: '\r\n' }), count: rows.length };
}
