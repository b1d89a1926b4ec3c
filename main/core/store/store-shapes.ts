import { z } from 'zod';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const optionalLine = (max: number) => z.string().trim().max(max).optional();

/** The fields a carrier's store feed asks of a pickup point (docs/network-api.openapi.yaml, StoreProfile). */
export const storeProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  isActive: z.boolean(),
  timeZone: z.string().refine(isTimeZone, 'not a time zone'),
  address: z.strictObject({
    addressLine1: z.string().trim().min(1).max(180),
    addressLine2: optionalLine(60),
    addressLine3: optionalLine(60),
    city: z.string().trim().min(1).max(100),
    region: optionalLine(100),
    district: optionalLine(100),
    postalCode: z.string().trim().min(1).max(20),
    countryCode: z.string().regex(/^[A-Z]{2}$/),
    latitude: z
      .string()
      .trim()
      .regex(/^[+-]?\d{1,2}\.\d{6}$/)
      .optional(),
    longitude: z
      .string()
      .trim()
      .regex(/^[+-]?\d{1,3}\.\d{6}$/)
      .optional(),
  }),
  capabilities: z
    .array(z.enum(['PICK_UP', 'DROP_OFF']))
    .min(1)
    .refine((c) => new Set(c).size === c.length, 'repeated'),
});
export type StoreProfile = z.infer<typeof storeProfileSchema>;
