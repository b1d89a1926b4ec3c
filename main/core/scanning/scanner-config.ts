import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { SettingsRepository } from '../settings';
import { sql } from '../db/statements';

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export const serialScannerConfigSchema = z.strictObject({
  kind: z.literal('serial'),
  path: z.string().trim().min(1).max(200),
  baudRate: z.union(BAUD_RATES.map((b) => z.literal(b)) as [z.ZodLiteral<1200>, ...z.ZodLiteral<number>[]]),
  terminator: z.enum(['CR', 'LF', 'CRLF']),
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

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** The id a configured scanner is known by: one row per serial path or HID model. */
export function scannerIdOf(config: ScannerConfig): string {
  return config.kind === 'serial' ? `serial:${config.path}` : `hid:${hex4(config.vendorId)}:${hex4(config.productId)}`;
}

const PREFERENCES_KEY = 'scanners.preferences';

/** Scanners added in settings and the scan preferences, persisted in SQLite. */
export class ScannerConfigRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: SettingsRepository,
  ) {}

  list(): { id: string; config: ScannerConfig }[] {
    return sql<[], { id: string; config_json: string }>(this.db, 'SELECT id, config_json FROM scanner_devices ORDER BY created_at, id')
      .all()
      .map((row) => ({ id: row.id, config: scannerConfigSchema.parse(JSON.parse(row.config_json)) }));
  }

  add(config: ScannerConfig): string {
    const checked = scannerConfigSchema.parse(config);
    const id = scannerIdOf(checked);
    const result = sql(this.db, 'INSERT INTO scanner_devices (id, kind, config_json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(id, checked.kind, JSON.stringify(checked), this.clock.now());
    if (result.changes === 0) throw new CoreError('CONFLICT', `${id} is already set up`, { reason: 'scannerExists', params: { id } });
    return id;
  }

  remove(id: string): void {
    if (sql(this.db, 'DELETE FROM scanner_devices WHERE id = ?').run(id).changes === 0) {
      throw new CoreError('NOT_FOUND', `No scanner ${id}`);
    }
  }

  preferences(): ScannerPreferences {
    const stored = this.settings.get(PREFERENCES_KEY);
    const parsed = stored ? scannerPreferencesSchema.safeParse(JSON.parse(stored)) : undefined;
    return parsed?.success ? parsed.data : DEFAULT_SCANNER_PREFERENCES;
  }

  setPreferences(preferences: ScannerPreferences): ScannerPreferences {
    this.settings.set(PREFERENCES_KEY, JSON.stringify(scannerPreferencesSchema.parse(preferences)));
    return this.preferences();
  }
}
