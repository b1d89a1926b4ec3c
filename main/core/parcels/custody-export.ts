import type { Database } from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { sql } from '../db/statements';
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

/** The UTC time of midnight starting `date` (YYYY-MM-DD), or `plusDays` days after it, in `timeZone`. */
export function zonedDayStart(date: string, timeZone: string, plusDays = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d + plusDays);
  const offsetAt = (at: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
        .formatToParts(at)
        .map((p) => [p.type, p.value]),
    );
    return (
      Date.UTC(
        Number(parts.year),
        Number(parts.month) - 1,
        Number(parts.day),
        Number(parts.hour),
        Number(parts.minute),
        Number(parts.second),
      ) - at
    );
  };
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

/**
 * The custody log from `fromMs` (inclusive) to `toMs` (exclusive) as CSV
 * with each row's canonical form, previous hash and hash, so an auditor can
 * recompute the chain. Values are written exactly (no spreadsheet escaping):
 * the canonical column is what was hashed.
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
    r.from_state ?? '',
    r.to_state,
    r.actor_id,
    r.actor_name,
    r.method,
    r.slot_id ?? '',
    r.reason ?? '',
    r.delivery_id ?? '',
    canonicalForm(r),
    r.prev_hash,
    r.hash,
  ]);
  return { csv: stringify(records, { header: true, columns: [...CUSTODY_CSV_COLUMNS], record_delimiter: '\r\n' }), count: rows.length };
}
