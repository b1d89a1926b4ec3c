import type { ParcelSize } from '../parcels/parcel-shapes';
import type { NetworkPolicy } from './network-shapes';

/** One parcel the network announces for this store. */
export interface ManifestItem {
  trackingId: string;
  recipientName: string;
  size: ParcelSize;
  /** The customer's 6-digit code: hashed on arrival, never stored as is. */
  pickupCode: string;
}

/** A parcel the network takes back: an expected one will not come, one on the shelf goes back with the next driver. */
export interface ManifestRecall {
  trackingId: string;
  reason: string;
}

export interface ManifestPage {
  items: ManifestItem[];
  recalls?: ManifestRecall[];
  /** Rules the network changed (the store's own overrides still apply on top). */
  policy?: Partial<NetworkPolicy>;
  /** Pass back on the next pull to get only what is new. */
  cursor: string;
  /** Another page is ready now. */
  hasMore?: boolean;
  /** Changes left out because they break the protocol (the rest of the page still counts). */
  skipped?: number;
}

/** The network saw a driver scan this store's QR code. `id` is unique per check-in. */
export interface DriverCheckIn {
  id: string;
  at: number;
  driverName?: string;
  parcelCount?: number;
}

/** What "Test connection" learns from a network that answered. */
export interface NetworkIdentity {
  networkName: string;
  storeId: string;
}

export interface OutboundEvent {
  idempotencyKey: string;
  kind: string;
  payload: unknown;
}

/** Something the shop wrote for the network's support desk, stored first and sent later. */
export type OutboundSupportItem =
  | {
      kind: 'case';
      caseRef: string;
      at: number;
      subject: string;
      requestType: string;
      impact: string;
      product: string;
      description: string;
      primaryEmail: string;
      followUpOf: string | null;
    }
  | {
      kind: 'message';
      caseRef: string;
      messageRef: string;
      at: number;
      body: string;
      attachments: readonly { fileName: string; mimeType: string; sizeBytes: number }[];
    }
  | { kind: 'callback'; callbackRef: string; at: number; phone: string }
  /** `no-reply`: the operator answered and the shop did not reply within 7 days. */
  | { kind: 'closed'; caseRef: string; at: number; reason: 'shop' | 'no-reply' };

/** What the network's operator did to a case. `id` is unique per update, so applying one twice does nothing. */
export interface SupportUpdate {
  id: string;
  caseRef: string;
  kind: 'taken' | 'answered' | 'transferred' | 'closed' | 'reopened';
  /** The operator's message, for `answered` (and optionally the others). */
  body?: string;
  at: number;
}

/**
 * What the counter needs from a carrier network. The demo network implements
 * it in process; the HTTP network implements the same interface.
 */
export interface NetworkAdapter {
  pullManifest(networkId: string, cursor: string | undefined): Promise<ManifestPage>;
  pushEvents(networkId: string, events: readonly OutboundEvent[]): Promise<void>;
  /**
   * Sends support cases, their messages and call-back requests; throws if the
   * network cannot take them now. An adapter without support calls keeps
   * them queued in the store.
   */
  pushSupport?(networkId: string, items: readonly OutboundSupportItem[]): Promise<void>;
  /** The operator's updates to this store's cases that are due at `now`. */
  pullSupport?(networkId: string, now: number): Promise<SupportUpdate[]>;
  /** When the network will next have an update (the demo knows); undefined means "poll now and then". */
  nextSupportUpdateAt?(networkId: string): number | undefined;
  /** Drivers checked in since `cursor`; a network without them leaves this out. */
  pullDriverCheckIns?(networkId: string, cursor: string | undefined): Promise<{ checkIns: DriverCheckIn[]; cursor: string }>;
  /** Answers only if the URL and token work for this store ("Test connection"). */
  identify?(networkId: string): Promise<NetworkIdentity>;
}
