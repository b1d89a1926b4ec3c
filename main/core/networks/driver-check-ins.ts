import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { sql } from '../db/statements';
import { cursorKeys, type SettingsRepository } from '../settings';
import type { DriverCheckIn } from './network-adapter';

/** A check-in older than this is no longer news: the driver has come and gone. */
export const CHECK_IN_SHOWN_MS = 30 * 60_000;

export interface StoredCheckIn {
  id: number;
  networkId: string;
  at: number;
  driverName: string | null;
  parcelCount: number | null;
}

/** Drivers a network saw at this store, kept so the home screen still shows them after a restart. */
export class DriverCheckIns {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: SettingsRepository,
  ) {}

  cursorOf(networkId: string): string | undefined {
    return this.settings.get(cursorKeys.checkIns(networkId));
  }

  /**
   * Stores a page of check-ins with its cursor; one seen before is ignored.
   * One that happened more than 30 minutes before it reached the store (the
   * PC was off, a first pull) is kept for the record but not shown: that
   * driver has gone. Returns how many were new.
   */
  record(networkId: string, checkIns: readonly DriverCheckIn[], cursor: string): number {
    const insert = sql(
      this.db,
      `INSERT INTO driver_check_ins (network_id, remote_id, at, driver_name, parcel_count, received_at, dismissed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (network_id, remote_id) DO NOTHING`,
    );
    return this.db
      .transaction(() => {
        let added = 0;
        const now = this.clock.now();
        for (const c of checkIns) {
          const stale = c.at < now - CHECK_IN_SHOWN_MS;
          added += insert.run(networkId, c.id, c.at, c.driverName ?? null, c.parcelCount ?? null, now, stale ? now : null).changes;
        }
        this.settings.set(cursorKeys.checkIns(networkId), cursor);
        return added;
      })
      .immediate();
  }

  /** Check-ins of the last 30 minutes nobody has dismissed, newest first. */
  current(): StoredCheckIn[] {
    return sql<[number], StoredCheckIn>(
      this.db,
      `SELECT id, network_id AS networkId, at, driver_name AS driverName, parcel_count AS parcelCount FROM driver_check_ins
       WHERE dismissed_at IS NULL AND received_at >= ? ORDER BY at DESC, id DESC`,
    ).all(this.clock.now() - CHECK_IN_SHOWN_MS);
  }

  /** The first moment after `after` at which a shown check-in stops being shown, so the home screen drops it on time. */
  nextExpiryAt(after: number): number | undefined {
    // Shown while now - received_at <= CHECK_IN_SHOWN_MS: it goes 1 ms after that.
    const row = sql<[number, number], { at: number | null }>(
      this.db,
      'SELECT min(received_at) AS at FROM driver_check_ins WHERE dismissed_at IS NULL AND received_at + ? >= ?',
    ).get(CHECK_IN_SHOWN_MS, after);
    return row?.at == null ? undefined : row.at + CHECK_IN_SHOWN_MS + 1;
  }

  dismiss(id: number): void {
    const result = sql(this.db, 'UPDATE driver_check_ins SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL').run(
      this.clock.now(),
      id,
    );
    if (result.changes === 0 && !sql(this.db, 'SELECT 1 FROM driver_check_ins WHERE id = ?').get(id))
      throw new CoreError('NOT_FOUND', `No check-in ${id}`);
  }
}
