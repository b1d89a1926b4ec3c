import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { CoreError, fieldError } from '../errors';
import type { SettingsRepository } from '../settings';
import { sql } from '../db/statements';
import {
  DEFAULT_SCANNER_PREFERENCES,
  scannerConfigSchema,
  scannerPreferencesSchema,
  type ScannerConfig,
  type ScannerPreferences,
} from './scanner-shapes';

/** Names a serial device has on Linux, macOS (`/dev/tty.*`) and Windows (`COM3`, `\\.\COM12`). */
const SERIAL_DEVICE_PATTERNS = [/^\/dev\/tty[\w.-]+$/, /^\/dev\/serial\/(?:[\w.:+@-]+\/)*[\w.:+@-]+$/, /^(?:\\\\\.\\)?COM[1-9]\d{0,2}$/i];

/** Whether a path names a serial device by its form alone (no `..`, nothing outside the device folders). */
export function looksLikeSerialDevice(path: string): boolean {
  return !path.split('/').some((part) => part === '..' || part === '.') && SERIAL_DEVICE_PATTERNS.some((p) => p.test(path));
}

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

  /**
   * A serial scanner is opened by path, so only a serial device is accepted:
   * one the port list offered, or a path that looks like one. Anything else
   * (`/etc/passwd`, `/dev/zero`) is refused before it is stored or opened.
   */
  add(config: ScannerConfig, offeredSerialPaths: readonly string[] = []): string {
    const checked = scannerConfigSchema.parse(config);
    if (checked.kind === 'serial' && !looksLikeSerialDevice(checked.path) && !offeredSerialPaths.includes(checked.path)) {
      throw fieldError('config.path', 'notSerialPort', `${checked.path.slice(0, 80)} is not a serial port`);
    }
    const id = scannerIdOf(checked);
    const result = sql(
      this.db,
      'INSERT INTO scanner_devices (id, kind, config_json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    ).run(id, checked.kind, JSON.stringify(checked), this.clock.now());
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
