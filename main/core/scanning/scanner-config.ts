import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { SettingsRepository } from '../settings';
import { sql } from '../db/statements';
import { DEFAULT_SCANNER_PREFERENCES, scannerConfigSchema, scannerPreferencesSchema, type ScannerConfig, type ScannerPreferences } from './scanner-shapes';

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
    if (result.changes === 0) throw new CoreError('CONFLICT', `${id} is already set up`);
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
