import type { ParcelSize } from './parcel-shapes';
import type { ParcelState } from './parcel-states';
import type { ParcelRow } from './types';

/** A parcel as the rest of the app reads it: the `parcels` row with camelCase names. */
export interface Parcel {
  id: number;
  networkId: string;
  trackingId: string;
  recipientName: string;
  size: ParcelSize;
  state: ParcelState;
  deliveryId: number | null;
  expiryNoticeId: number | null;
  slotId: string | null;
  announcedAt: number;
  receivedAt: number | null;
  expiresAt: number | null;
  returnReadyAt: number | null;
  stateChangedAt: number;
  recalledAt: number | null;
  recallReason: string | null;
}

/** The one place a `parcels` row's snake_case columns become camelCase. */
export function parcelFromRow(row: ParcelRow): Parcel {
  return {
    id: row.id,
    networkId: row.network_id,
    trackingId: row.tracking_id,
    recipientName: row.recipient_name,
    size: row.size,
    state: row.state,
    deliveryId: row.delivery_id,
    expiryNoticeId: row.expiry_notice_id,
    slotId: row.slot_id,
    announcedAt: row.announced_at,
    receivedAt: row.received_at,
    expiresAt: row.expires_at,
    returnReadyAt: row.return_ready_at,
    stateChangedAt: row.state_changed_at,
    recalledAt: row.recalled_at,
    recallReason: row.recall_reason,
  };
}
