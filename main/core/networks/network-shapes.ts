import { z } from 'zod';

/**
 * The range each policy number may take, wherever a policy enters: a network's manifest, a staff override,
 * values stored by older versions (migration 110 clamps those). Wide enough for any real carrier, narrow
 * enough that a deadline computed from them is a real date and a sweep never loops over an absurd window.
 */
export const POLICY_LIMITS = {
  retentionDays: { min: 1, max: 60 },
  /** 5 minutes to 48 hours. */
  intakeWindowMinutes: { min: 5, max: 48 * 60 },
  postponesAllowed: { min: 0, max: 10 },
  /** 5 minutes to 48 hours. */
  expiredScanWindowMinutes: { min: 5, max: 48 * 60 },
  returnEscalationDays: { min: 1, max: 60 },
  capacity: { min: 5, max: 100_000 },
  driverQrStepSeconds: { min: 10, max: 300 },
} as const;
/** Longest tracking-ID pattern accepted; real ones are a few dozen characters. */
export const MAX_TRACKING_PATTERN_LENGTH = 200;

export type PolicyNumberField = keyof typeof POLICY_LIMITS;
export const POLICY_NUMBER_FIELDS = Object.keys(POLICY_LIMITS) as PolicyNumberField[];

const bounded = (field: PolicyNumberField) => z.number().int().min(POLICY_LIMITS[field].min).max(POLICY_LIMITS[field].max);

/**
 * How a carrier network wants its pickup points to work. The tracking-ID pattern is only checked for its length here; whether RE2 can run it is checked where a pattern
 * enters (policy-check.ts), so this schema stays free of the regular-expression engine.
 */
export const networkPolicySchema = z.strictObject({
  retentionDays: bounded('retentionDays'),
  deliveryScannedBy: z.enum(['store', 'driver']),
  intakeWindowMinutes: bounded('intakeWindowMinutes'),
  postponesAllowed: bounded('postponesAllowed'),
  expiredScanWindowMinutes: bounded('expiredScanWindowMinutes'),
  returnEscalationDays: bounded('returnEscalationDays'),
  trackingIdPattern: z.string().min(1).max(MAX_TRACKING_PATTERN_LENGTH),
  capacity: bounded('capacity'),
  driverQrStepSeconds: bounded('driverQrStepSeconds'),
});
export type NetworkPolicy = z.infer<typeof networkPolicySchema>;

/** What the staff may set on top of a network's policy. */
export const policyOverridesSchema = networkPolicySchema.partial();
export type PolicyOverrides = z.infer<typeof policyOverridesSchema>;

/** Why a call to a network failed, as the settings screen and the status bar say it. */
export const NETWORK_PROBLEMS = ['unauthorized', 'not-found', 'rejected', 'server', 'timeout', 'unreachable', 'bad-response'] as const;
export type NetworkProblem = (typeof NETWORK_PROBLEMS)[number];
