import { z } from 'zod';

// What the store accepts from a network (docs/network-api.openapi.yaml). Unknown
// fields are ignored so a network can add some without breaking older stores.

const timestamp = z.number().int().min(0);

export const storeInfoSchema = z.object({ storeId: z.string(), networkName: z.string(), serverTime: timestamp });

export const manifestChangeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('parcel'),
    trackingId: z.string().min(1).max(64),
    recipientName: z.string().min(1).max(200),
    size: z.enum(['small', 'medium', 'large']),
    pickupCode: z.string().regex(/^\d{6}$/),
  }),
  z.object({ type: z.literal('recall'), trackingId: z.string().min(1).max(64), reason: z.string().max(200) }),
  // Not strict: a rule this store does not know yet is left out, not a reason to refuse the page. The values are
  // checked field by field where the change is applied (policy-check.ts), so one bad field does not lose the others.
  z.object({ type: z.literal('policy'), policy: z.record(z.string(), z.unknown()) }),
]);
export type ManifestChange = z.infer<typeof manifestChangeSchema>;

/** Each change is checked on its own (see HttpNetwork.pullManifest): one bad change must not block the feed. */
export const manifestPageSchema = z.object({
  changes: z.array(z.unknown()).max(5000),
  cursor: z.string().max(200),
  hasMore: z.boolean(),
});

export const eventBatchResultSchema = z.object({
  results: z.array(z.object({ idempotencyKey: z.string(), status: z.enum(['recorded', 'duplicate']) })),
});

export const receiptSchema = z.object({ recorded: z.number().int().min(0), duplicate: z.number().int().min(0) });

export const driverCheckInPageSchema = z.object({
  checkIns: z.array(
    z.object({
      id: z.string().min(1).max(100),
      at: timestamp,
      driverName: z.string().max(100).optional(),
      parcelCount: z.number().int().min(0).optional(),
    }),
  ),
  cursor: z.string().max(200),
});

export const supportUpdatePageSchema = z.object({
  updates: z.array(
    z.object({
      id: z.string().min(1),
      caseRef: z.string(),
      kind: z.enum(['taken', 'answered', 'transferred', 'closed', 'reopened']),
      body: z.string().optional(),
      at: timestamp,
    }),
  ),
  cursor: z.string().max(200),
});
