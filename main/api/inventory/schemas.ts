import { z } from 'zod';
import { PARCEL_STATES } from '../../core/parcels/parcel-states';
import { PARCEL_SIZES } from '../../core/parcels/parcel-shapes';
import { idSchema } from '../schemas';

/** The current view: a search and the states to show (none given: the parcels in custody). */
export const inventoryFilterSchema = z.strictObject({
  search: z.string().max(80),
  states: z.array(z.enum(PARCEL_STATES)).max(PARCEL_STATES.length),
});

export const inventoryPageSchema = z.object({
  customers: z.array(z.object({ key: z.number().int(), name: z.string(), count: z.number().int() })),
  totalCustomers: z.number().int(),
  totalParcels: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  lastSyncAt: z.number().int().nullable(),
});
export type InventoryPage = z.infer<typeof inventoryPageSchema>;

export const inventoryParcelSchema = z.object({
  id: z.number().int(),
  networkId: idSchema,
  trackingId: z.string(),
  size: z.enum(PARCEL_SIZES),
  state: z.enum(PARCEL_STATES),
  slotId: z.string().nullable(),
  announcedAt: z.number().int(),
  receivedAt: z.number().int().nullable(),
  expiresAt: z.number().int().nullable(),
  stateChangedAt: z.number().int(),
});
export type InventoryParcel = z.infer<typeof inventoryParcelSchema>;

export const syncResultSchema = z.object({
  networks: z.array(z.object({ networkId: idSchema, ok: z.boolean(), added: z.number().int() })),
  lastSuccessAt: z.number().int().nullable(),
});

/** The states the filter offers, for the renderer (which reads only the contract). */
export { PARCEL_STATES, type ParcelState } from '../../core/parcels/parcel-states';
