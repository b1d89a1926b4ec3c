import { z } from 'zod';
import { call, none } from '../call';
import { scannerConfigSchema, scannerPreferencesSchema } from '../../core/scanning/scanner-shapes';
import { availableScannersSchema, scannerViewSchema, wedgeKeysSchema } from '../schemas';

export const scanningCalls = {
  'scanners.list': call(none, z.array(scannerViewSchema)),
  'scanners.available': call(none, availableScannersSchema),
  'scanners.add': call(z.strictObject({ config: scannerConfigSchema }), z.array(scannerViewSchema)),
  'scanners.remove': call(z.strictObject({ id: z.string().min(1).max(220) }), z.array(scannerViewSchema)),
  'scanners.preferences': call(none, scannerPreferencesSchema),
  'scanners.setPreferences': call(z.strictObject({ preferences: scannerPreferencesSchema }), scannerPreferencesSchema),
  /** Key-downs the browser host's page forwards to the keyboard-wedge detector in main. */
  'wedge.keys': call(wedgeKeysSchema, z.object({ accepted: z.number().int() })),
} as const;
