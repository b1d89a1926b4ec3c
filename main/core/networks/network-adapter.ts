import type { ParcelSize } from '../parcels/types';

/** One parcel the network announces for this store. */
export interface ManifestItem {
  trackingId: string;
  recipientName: string;
  size: ParcelSize;
  /** The customer's 6-digit code: hashed on arrival, never stored as is. */
  pickupCode: string;
}

export interface ManifestPage {
  items: ManifestItem[];
  /** Pass back on the next pull to get only what is new. */
  cursor: string;
}

export interface OutboundEvent {
  idempotencyKey: string;
  kind: string;
  payload: unknown;
}

/**
 * What the counter needs from a carrier network. The demo network implements
 * it in process; the HTTP network implements the same interface.
 */
export interface NetworkAdapter {
  pullManifest(networkId: string, cursor: string | undefined): Promise<ManifestPage>;
  pushEvents(networkId: string, events: readonly OutboundEvent[]): Promise<void>;
}
