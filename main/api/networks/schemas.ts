import { z } from 'zod';
import { NETWORK_PROBLEMS, networkPolicySchema, policyOverridesSchema } from '../../core/networks/network-shapes';
export { POLICY_LIMITS, MAX_TRACKING_PATTERN_LENGTH } from '../../core/networks/network-shapes';
import { storeProfileSchema } from '../../core/store/store-shapes';
import { idSchema } from '../schemas';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An https URL with a host; plain http only to this PC itself (a local test
 * network). The store's bearer token travels with every request, so it must
 * never cross a network in clear.
 */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.hostname !== '' && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)));
    } catch {
      return false;
    }
  }, 'not an https URL');

/** A network as the settings screen edits it. The token itself never leaves main: only whether one is set. */
export const networkConfigSchema = z.object({
  id: idSchema,
  name: z.string(),
  adapter: z.enum(['demo', 'http']),
  baseUrl: z.string().nullable(),
  hasToken: z.boolean(),
  enabled: z.boolean(),
  policy: networkPolicySchema,
  networkPolicy: networkPolicySchema,
  policyOverrides: policyOverridesSchema,
});
export type NetworkConfig = z.infer<typeof networkConfigSchema>;

/** A new HTTP network (no id) or changes to one; a token left out keeps the stored one. */
export const networkSaveSchema = z.strictObject({
  id: idSchema.optional(),
  name: z.string().trim().min(1).max(60),
  baseUrl: baseUrlSchema.nullable(),
  token: z.string().trim().min(1).max(500).optional(),
  enabled: z.boolean(),
  policyOverrides: policyOverridesSchema,
});

export const connectionTestInputSchema = z.strictObject({
  networkId: idSchema.optional(),
  baseUrl: baseUrlSchema,
  token: z.string().trim().min(1).max(500).optional(),
});

export const connectionTestSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), networkName: z.string() }),
  z.object({ ok: z.literal(false), problem: z.enum([...NETWORK_PROBLEMS, 'no-token']) }),
]);

export const networkLinkSchema = z.object({
  networkId: idSchema,
  name: z.string(),
  state: z.enum(['online', 'offline', 'unknown']),
  lastSuccessAt: z.number().int().nullable(),
  offlineSince: z.number().int().nullable(),
  problem: z.enum(NETWORK_PROBLEMS).nullable(),
  /** Events waiting in the outbox for this network. */
  pending: z.number().int(),
  /** Events the network refused as malformed: parked, not sent again. */
  refused: z.number().int(),
});
export type NetworkLink = z.infer<typeof networkLinkSchema>;

export const driverCheckInSchema = z.object({
  id: z.number().int(),
  networkId: idSchema,
  networkName: z.string(),
  at: z.number().int(),
  driverName: z.string().nullable(),
  parcelCount: z.number().int().nullable(),
});

export { storeProfileSchema };
