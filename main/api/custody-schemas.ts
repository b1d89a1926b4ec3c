import { z } from 'zod';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const chainBreakSchema = z.object({
  eventId: z.number().int(),
  at: z.number().int().nullable(),
  problem: z.enum(['edited', 'link', 'tail']),
});

export const custodyCalls = {
  /** Walks the whole custody log and reports where its hash chain breaks (the first break first). */
  'custody.verify': { input: z.undefined(), output: z.object({ checked: z.number().int(), firstBreak: chainBreakSchema.nullable() }) },
  /** The break a start check found that no manager acknowledged yet: a red notice on the home screen. */
  'custody.alert': { input: z.undefined(), output: chainBreakSchema.extend({ id: z.number().int(), foundAt: z.number().int() }).nullable() },
  'custody.acknowledge': { input: z.strictObject({ alertId: z.number().int().positive() }), output: z.null() },
  /** From and to are days (inclusive) in the store's time zone. */
  'custody.exportCsv': {
    input: z.strictObject({ from: dateSchema, to: dateSchema }),
    output: z.object({ csv: z.string(), count: z.number().int(), fileName: z.string() }),
  },
  /** The receipt number of a hand-over: the hash prefix of the latest custody row of these parcels. */
  'custody.receipt': {
    input: z.strictObject({ parcelIds: z.array(z.number().int().positive()).min(1).max(500) }),
    output: z.object({ eventId: z.number().int(), at: z.number().int(), receipt: z.string() }).nullable(),
  },
} as const;
