import type { NetworkPolicy } from './network-shapes';

const shared = {
  intakeWindowMinutes: 30,
  postponesAllowed: 1,
  expiredScanWindowMinutes: 120,
  returnEscalationDays: 3,
  capacity: 20,
  driverQrStepSeconds: 30,
} as const;

/** The Italian demo policy: the driver scans, customers have 7 days (docs/rules.md, Parcels). */
export const italianPolicy: NetworkPolicy = {
  ...shared,
  retentionDays: 7,
  deliveryScannedBy: 'driver',
  trackingIdPattern: '^IT[0-9A-Z]{10}$',
};

/** The French demo policy: the store scans every label, customers have 14 days (docs/rules.md, Parcels). */
export const frenchPolicy: NetworkPolicy = {
  ...shared,
  retentionDays: 14,
  deliveryScannedBy: 'store',
  trackingIdPattern: '^QC[0-9A-Z]{10}$',
};

/** Where a newly added HTTP network starts until it sends its own policy. */
export const defaultHttpPolicy: NetworkPolicy = {
  ...shared,
  retentionDays: 7,
  deliveryScannedBy: 'store',
  trackingIdPattern: '^[0-9A-Z]{8,30}$',
};
