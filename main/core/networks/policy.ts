import { z } from 'zod';

/** How a carrier network wants its pickup points to work (product.md §1, "Networks and their policy"). */
export const networkPolicySchema = z.strictObject({
  retentionDays: z.number().int().min(1).max(60),
  deliveryScannedBy: z.enum(['store', 'driver']),
  intakeWindowMinutes: z.number().int().min(1),
  postponesAllowed: z.number().int().min(0),
  expiredScanWindowMinutes: z.number().int().min(1),
  returnEscalationDays: z.number().int().min(1),
  trackingIdPattern: z.string().min(1),
  capacity: z.number().int().min(5),
  driverQrStepSeconds: z.number().int().min(10).max(300),
});
export type NetworkPolicy = z.infer<typeof networkPolicySchema>;

/** What the staff may set on top of a network's policy; the tracking-ID pattern must compile. */
export const policyOverridesSchema = networkPolicySchema
  .partial()
  .refine((o) => o.trackingIdPattern === undefined || compiles(o.trackingIdPattern), { path: ['trackingIdPattern'], message: 'not a pattern' });
export type PolicyOverrides = z.infer<typeof policyOverridesSchema>;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}


const shared = {
  intakeWindowMinutes: 30,
  postponesAllowed: 1,
  expiredScanWindowMinutes: 120,
  returnEscalationDays: 3,
  capacity: 20,
  driverQrStepSeconds: 30,
} as const;

/** Seed 000: the driver scans, customers have 7 days. */
export const italianPolicy: NetworkPolicy = {
  ...shared,
  retentionDays: 7,
  deliveryScannedBy: 'driver',
  trackingIdPattern: '^IT[0-9A-Z]{10}$',
};

/** Seed 001: the store scans every label, customers have 14 days. */
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
