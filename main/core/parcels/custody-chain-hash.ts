import { createHash } from 'node:crypto';

/** The columns of a custody row the chain covers, in the order of the canonical form. */
export interface ChainedContent {
  id: number;
  parcel_id: number;
  from_state: string | null;
  to_state: string;
  at: number;
  actor_id: string;
  method: string;
  slot_id: string | null;
  reason: string | null;
  delivery_id: number | null;
}

/**
 * A row's canonical form: the JSON array (no spaces; numbers as integers,
 * null for an empty column) of id, parcel_id, from_state, to_state, at,
 * actor_id, method, slot_id, reason, delivery_id. The README shows how an
 * auditor recomputes it.
 */
export function canonicalForm(row: ChainedContent): string {
  return JSON.stringify([
    row.id,
    row.parcel_id,
    row.from_state,
    row.to_state,
    row.at,
    row.actor_id,
    row.method,
    row.slot_id,
    row.reason,
    row.delivery_id,
  ]);
}

/** hash = hex SHA-256 of UTF-8 `<previous hash>\n<canonical form>`. */
export function linkHash(previousHash: string, canonical: string): string {
  return createHash('sha256').update(`${previousHash}\n${canonical}`, 'utf8').digest('hex');
}

/** The hand-over receipt number: the first 12 hex digits of the custody row's hash, in groups of four. */
export function receiptNumber(hash: string): string {
  return hash
    .slice(0, 12)
    .toUpperCase()
    .replace(/(.{4})(?!$)/g, '$1-');
}
