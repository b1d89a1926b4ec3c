import { z } from 'zod';
import { call, none } from '../call';
import { inventoryFilterSchema, inventoryPageSchema, inventoryParcelSchema, syncResultSchema } from './schemas';
import { csvFormSchema, rowIdSchema } from '../schemas';

export const inventoryCalls = {
  /** One page of customers (grouped in SQL, LIMIT/OFFSET) for the current search and state filter. */
  'inventory.customers': call(
    z.strictObject({
      filter: inventoryFilterSchema,
      offset: z.number().int().min(0).max(10_000_000),
      limit: z.number().int().min(1).max(200),
    }),
    inventoryPageSchema,
  ),
  'inventory.customer': call(z.strictObject({ customer: rowIdSchema, filter: inventoryFilterSchema }), z.array(inventoryParcelSchema)),
  /** Every parcel of the current view (all pages) as CSV text made in main; the renderer downloads it. */
  'inventory.exportCsv': call(
    z.strictObject({ filter: inventoryFilterSchema, ...csvFormSchema }),
    z.object({ csv: z.string(), count: z.number().int(), fileName: z.string() }),
  ),
  /** Pulls each network's manifest through its adapter; keeps when the last full sync succeeded. */
  'inventory.sync': call(none, syncResultSchema),
} as const;
