import type { Database } from 'better-sqlite3';
import type { Clock } from './clock';
import { actingStaffId } from './staff/acting-staff';

/** Small key/value settings, written through so a restart sees them at once. */
export class SettingsRepository {
  private readonly selectOne;
  private readonly upsert;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.selectOne = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
  }

  get(key: string): string | undefined {
    return this.selectOne.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.upsert.run(key, value, this.clock.now(), actingStaffId());
  }

  /** Returns the stored value, or stores and returns the one `create` makes. */
  getOrCreate(key: string, create: () => string): string {
    return this.db
      .transaction(() => {
        const existing = this.get(key);
        if (existing !== undefined) return existing;
        const value = create();
        this.set(key, value);
        return value;
      })
      .immediate();
  }
}

/** The settings keys more than one module reads: the network cursors, kept per network. */
export const cursorKeys = {
  /** Where the network's manifest was read up to. */
  manifest: (networkId: string) => `manifest.cursor.${networkId}`,
  /** Where the network's driver check-ins were read up to. */
  checkIns: (networkId: string) => `checkins.cursor.${networkId}`,
  /** Where the network's support updates were read up to. */
  support: (networkId: string) => `support.cursor.${networkId}`,
} as const;
