import { z } from 'zod';
import { call, none } from '../call';
import { chainBreakSchema, dateSchema } from './schemas';

export const custodyCalls = {
  /** Walks the whole custody log and reports where its hash chain breaks (the first break first). */
  'custody.verify': call(none, z.object({ checked: z.number().int(), firstBreak: chainBreakSchema.nullable() })),
  /** The break a start check found that no manager acknowledged yet: a red notice on the home screen. */
  'custody.alert': call(none, chainBreakSchema.extend({ id: z.number().int(), foundAt: z.number().int() }).nullable()),
  'custody.acknowledge': call(z.strictObject({ alertId: z.number().int().positive() }), z.null()),
  /** From and to are days (inclusive) in the store's time zone. */
  'custody.exportCsv': call(
    z.strictObject({ from: dateSchema, to: dateSchema }),
    z.object({ csv: z.string(), count: z.number().int(), fileName: z.string() }),
  ),
  /** The receipt number of a hand-over: the hash prefix of the latest custody row of these parcels. */
  'custody.receipt': call(
    z.strictObject({ parcelIds: z.array(z.number().int().positive()).min(1).max(500) }),
    z.object({ eventId: z.number().int(), at: z.number().int(), receipt: z.string() }).nullable(),
  ),
} as const;
