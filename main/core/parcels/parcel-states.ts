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

/** States from which a customer may take a parcel home. */
export const COLLECTABLE = ['received', 'expired', 'return_scanned'] as const satisfies readonly ParcelState[];

export function isCollectable(state: ParcelState): boolean {
  return (COLLECTABLE as readonly ParcelState[]).includes(state);
}

/**
 * Where one parcel of an open or finished pickup stands: still to scan,
 * scanned (and, once the pickup is done, handed over), or resolved otherwise
 * (not found, refused, no longer collectable): its state then says how.
 */
export const PICKUP_ITEM_STATUSES = ['to-scan', 'scanned', 'handed-over', 'resolved'] as const;
export type PickupItemStatus = (typeof PICKUP_ITEM_STATUSES)[number];

export function pickupItemStatus(state: ParcelState, scanned: boolean): PickupItemStatus {
  if (state === 'picked_up') return scanned ? 'handed-over' : 'resolved';
  if (!isCollectable(state)) return 'resolved';
  return scanned ? 'scanned' : 'to-scan';
}

/**
 * Where one parcel of an expired-parcel notice stands: still to find and scan
 * for return, scanned (or already gone back with the driver), collected by its
 * customer after all, not found, or resolved otherwise (found again and back on
 * the shelf: its state says how). Every status but `to-scan` is handled.
 */
export const EXPIRED_ITEM_STATUSES = ['to-scan', 'scanned', 'collected', 'missing', 'resolved'] as const;
export type ExpiredItemStatus = (typeof EXPIRED_ITEM_STATUSES)[number];

export function expiredItemStatus(state: ParcelState): ExpiredItemStatus {
  if (state === 'expired') return 'to-scan';
  if (state === 'return_scanned' || state === 'returned') return 'scanned';
  if (state === 'picked_up') return 'collected';
  if (state === 'missing') return 'missing';
  return 'resolved';
}

/** How many parcels of an expired-parcel notice are handled: every one no longer waiting to be scanned. */
export function expiredHandledCount(statuses: readonly ExpiredItemStatus[]): number {
  return statuses.filter((status) => status !== 'to-scan').length;
}

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
    throw new CoreError('CONFLICT', `Parcel ${trackingId} cannot go from ${from} to ${to}`, {
      reason: 'parcelMoveRefused',
      params: { trackingId },
    });
  }
}
