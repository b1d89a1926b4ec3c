import { z } from 'zod';

export const PARCEL_SIZES = ['small', 'medium', 'large'] as const;
export type ParcelSize = (typeof PARCEL_SIZES)[number];

export const shelfSlotInputSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1)
    .max(12)
    .regex(/^[A-Za-z0-9-]+$/),
  size: z.enum(PARCEL_SIZES),
  capacity: z.number().int().min(1).max(500),
});
export type ShelfSlotInput = z.infer<typeof shelfSlotInputSchema>;
