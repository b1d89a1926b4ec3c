import { z } from 'zod';
import { CSV_FORMS } from '../core/csv-shapes';

export const LANGUAGES = ['it', 'fr', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** An export for a person (the shop's language, its spreadsheet's separator) or raw for a program (the default). */
export const csvFormSchema = { form: z.enum(CSV_FORMS).default('raw'), language: languageSchema.default('en') };

/** Network and store ids as the driver QR payload allows them. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A database row id: cases, parcels, deliveries, check-ins. */
export const rowIdSchema = z.number().int().positive();

export const systemStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), storeId: z.string(), version: z.string(), testHooks: z.boolean() }),
  z.object({
    state: z.literal('database-error'),
    reason: z.enum(['integrity', 'schema-too-new', 'open-failed', 'migration-failed']),
    detail: z.string(),
    version: z.string(),
    /** A migration that failed: the version it could not reach and where the file it left is kept; the backup from before it is back in place. */
    migration: z.object({ failedVersion: z.number().int(), keptAside: z.string() }).optional(),
    /** The newest backup that passes its checks, offered for a restore. */
    backup: z.object({ name: z.string(), at: z.number().int() }).nullable().optional(),
  }),
]);
export type SystemStatus = z.infer<typeof systemStatusSchema>;

export const uiSettingsSchema = z.object({
  language: languageSchema.nullable(),
});
export type UiSettings = z.infer<typeof uiSettingsSchema>;

export const networkSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  enabled: z.boolean(),
  deliveryScannedBy: z.enum(['store', 'driver']),
  retentionDays: z.number().int(),
});
export type NetworkSummary = z.infer<typeof networkSummarySchema>;

export const driverQrSchema = z.object({
  networkId: idSchema,
  code: z.string().regex(/^\d{6}$/),
  qrSvg: z.string().startsWith('<svg'),
  step: z.number().int(),
  validFrom: z.number().int(),
  validUntil: z.number().int(),
});
export type DriverQrView = z.infer<typeof driverQrSchema>;

/** A scan as main classified it: the renderer never parses barcodes itself. */
export const scanClassificationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('parcel'), trackingId: z.string(), networkId: z.string().optional() }),
  z.object({ kind: z.literal('pickup'), pickupCode: z.string(), networkId: z.string().optional() }),
  z.object({ kind: z.literal('unknown'), reason: z.string() }),
]);
export type ScanClassificationView = z.infer<typeof scanClassificationSchema>;

export const scanSchema = z.object({
  code: z.string().min(1).max(512),
  source: z.enum(['wedge', 'serial', 'hid']),
  receivedAt: z.number().int(),
  classification: scanClassificationSchema,
});
export type ScanEvent = z.infer<typeof scanSchema>;

/** Why a scanner is not connected: a code the screen translates (main's English reason stays in its log). */
export const SCANNER_PROBLEMS = ['not-found', 'cannot-open', 'lost', 'closed', 'wrong-mode'] as const;

export const scannerStatusSchema = z.object({
  state: z.enum(['connected', 'disconnected', 'error']),
  problem: z.enum(SCANNER_PROBLEMS).optional(),
});

export const scannerViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['wedge', 'serial', 'hid']),
  status: scannerStatusSchema,
  configured: z.boolean(),
});

export const scannerStatusEventSchema = z.object({
  id: z.string(),
  kind: z.enum(['wedge', 'serial', 'hid']),
  status: scannerStatusSchema,
});

export const availableScannersSchema = z.object({
  serialPorts: z.array(z.object({ path: z.string(), manufacturer: z.string().optional() })),
  /** The system could not list its serial ports (the reason is in main's log). */
  serialListFailed: z.boolean(),
  hidDevices: z.array(z.object({ vendorId: z.number().int(), productId: z.number().int(), product: z.string().optional() })),
  hidListFailed: z.boolean(),
});

export const wedgeKeysSchema = z.strictObject({
  keys: z
    .array(z.strictObject({ key: z.string().min(1).max(12), at: z.number().nonnegative() }))
    .min(1)
    .max(128),
});
