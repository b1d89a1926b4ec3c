import type { ManifestItem } from '../../main/core/networks/network-adapter';

/** The store-scans demo network: every intake is a scan at the counter. */
export const CRASH_NETWORK = 'demo-fr';
export const CRASH_PARCELS = 3_000;

const trackingOf = (i: number) => `QC${String(i).padStart(10, '0')}`;

/** Parcel i, with a pickup code of its own that can be worked out from its tracking ID. */
export function crashParcel(i: number): ManifestItem {
  return { trackingId: trackingOf(i), recipientName: `Customer ${i}`, size: 'small', pickupCode: String(100_000 + i) };
}

export function pickupCodeOf(trackingId: string): string {
  return String(100_000 + Number(trackingId.slice(2)));
}
