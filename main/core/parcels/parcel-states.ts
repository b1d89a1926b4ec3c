import { CoreError } from '../errors';

/**
 * A parcel's life at the counter (docs/rules.md, Parcels).
 * `damaged_refused` is a parcel the store refused at intake: it never
 * entered custody.
 */
export const PARCEL_STATES = [
  'expected',
  'received',
  'picked_up',
  'refused',
  'missing',
  'expired',
  'return_scanned',
  'returned',
  'damaged_refused',
] as const;
export type ParcelState = (typeof PARCEL_STATES)[number];

/** States in which the parcel is on the shop's shelves and the shop answers for it. */
export const IN_CUSTODY: readonly ParcelState[] = ['received', 'refused', 'expired', 'return_scanned'];

/** The one table of allowed moves. Anything not listed is refused with CONFLICT. */
export const TRANSITIONS: Readonly<Record<ParcelState, readonly ParcelState[]>> = {
  expected: ['received', 'damaged_refused'],
  // A parcel not found at pickup may turn up later; one refused by the customer waits for the driver.
  received: ['picked_up', 'refused', 'missing', 'expired'],
  refused: ['return_scanned', 'returned', 'missing'],
  missing: ['received'],
  // A customer may still collect an expired parcel that has not left yet.
  expired: ['return_scanned', 'missing', 'picked_up'],
  return_scanned: ['returned', 'picked_up', 'missing'],
  picked_up: [],
  returned: [],
  damaged_refused: [],
};

export function canTransition(from: ParcelState, to: ParcelState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: ParcelState, to: ParcelState, trackingId: string): void {
  if (!canTransition(from, to)) {
    throw new CoreError('CONFLICT', `Parcel ${trackingId} cannot go from ${from} to ${to}`);
  }
}
