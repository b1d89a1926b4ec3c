import { DAY_MS } from '../durations';
import { compileTrackingPattern } from '../scanning/network-patterns';
import type { ParcelRow } from './types';

/** Why a scanned parcel cannot be used where it was scanned; the renderer translates each reason. */
export type ScanRejection =
  | { reason: 'not-this-network'; trackingId: string }
  | { reason: 'unknown-parcel'; trackingId: string }
  | { reason: 'other-customer'; trackingId: string }
  | { reason: 'wrong-state'; trackingId: string; state: ParcelRow['state']; since: number }
  /** The network took the parcel back: it goes back with the driver, not to a customer. */
  | { reason: 'recalled'; trackingId: string; note: string };

export function normaliseTrackingId(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * A network's pattern from settings, as a full match on RE2 (linear time, like the scan classifier); one that
 * cannot be used matches nothing rather than crashing intake. Only judges codes the network did not announce.
 */
export function matchesTrackingPattern(trackingId: string, pattern: string): boolean {
  const compiled = compileTrackingPattern(pattern);
  return compiled.ok && compiled.regex.matches(trackingId);
}

export function rejectionFor(parcel: ParcelRow): ScanRejection {
  if (parcel.recalled_at !== null) return { reason: 'recalled', trackingId: parcel.tracking_id, note: parcel.recall_reason ?? '' };
  return { reason: 'wrong-state', trackingId: parcel.tracking_id, state: parcel.state, since: parcel.state_changed_at };
}

/** A customer has `days` full days: the parcel expires at exactly received + days × 24 h. */
export function retentionEnd(receivedAt: number, days: number): number {
  return receivedAt + days * DAY_MS;
}
