import { z } from 'zod';

/** How a carrier network wants its pickup points to work (docs/rules.md, Networks and Parcels). */
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

/** Why a call to a network failed, as the settings screen and the status bar say it. */
export const NETWORK_PROBLEMS = ['unauthorized', 'not-found', 'rejected', 'server', 'timeout', 'unreachable', 'bad-response'] as const;
export type NetworkProblem = (typeof NETWORK_PROBLEMS)[number];
