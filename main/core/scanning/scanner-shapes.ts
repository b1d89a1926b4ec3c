import { z } from 'zod';

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export const serialScannerConfigSchema = z.strictObject({
  kind: z.literal('serial'),
  path: z.string().trim().min(1).max(200),
  baudRate: z.union(BAUD_RATES.map((b) => z.literal(b)) as [z.ZodLiteral<1200>, ...z.ZodLiteral<number>[]]),
  /** 'ANY': CR, LF or CR LF, whichever the scanner sends. */
  terminator: z.enum(['ANY', 'CR', 'LF', 'CRLF']),
});
export const hidScannerConfigSchema = z.strictObject({
  kind: z.literal('hid'),
  vendorId: z.number().int().min(1).max(0xffff),
  productId: z.number().int().min(1).max(0xffff),
  format: z.enum(['pos', 'keyboard']),
});
export const scannerConfigSchema = z.discriminatedUnion('kind', [serialScannerConfigSchema, hidScannerConfigSchema]);
export type ScannerConfig = z.infer<typeof scannerConfigSchema>;

export const scannerPreferencesSchema = z.strictObject({
  /** 0 mutes the scan tones; colour and words remain. */
  feedbackVolume: z.number().int().min(0).max(100),
  wedge: z.strictObject({
    maxIntervalMs: z.number().int().min(10).max(100),
    minLength: z.number().int().min(3).max(20),
    terminator: z.enum(['Enter', 'Tab', 'none']),
    prefix: z.string().max(8),
    suffix: z.string().max(8),
  }),
});
export type ScannerPreferences = z.infer<typeof scannerPreferencesSchema>;

export const DEFAULT_SCANNER_PREFERENCES: ScannerPreferences = {
  feedbackVolume: 70,
  wedge: { maxIntervalMs: 30, minLength: 4, terminator: 'Enter', prefix: '', suffix: '' },
};
