import type { Database } from 'better-sqlite3';
import { CoreError } from '../errors';
import { IN_CUSTODY } from './parcel-states';
import { PARCEL_COLUMNS, type ParcelRow } from './types';
import { sql } from '../db/statements';

/** Reads of parcels. Writes go through CustodyLedger. */
export class ParcelRepository {
  constructor(private readonly db: Database) {}

  byId(id: number): ParcelRow {
    const row = sql<[number], ParcelRow>(this.db, `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE id = ?`).get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No parcel ${id}`);
    return row;
  }

  /** Tracking IDs are unique per network; across networks the newest parcel wins. */
  byTrackingId(trackingId: string, networkId?: string): ParcelRow | undefined {
    if (networkId) {
      return sql<[string, string], ParcelRow>(
        this.db,
        `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE network_id = ? AND tracking_id = ?`,
      ).get(networkId, trackingId);
    }
    return sql<[string], ParcelRow>(this.db, `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE tracking_id = ? ORDER BY id DESC LIMIT 1`).get(
      trackingId,
    );
  }

  inState(states: readonly string[], networkId: string): ParcelRow[] {
    const marks = states.map(() => '?').join(', ');
    return sql<unknown[], ParcelRow>(
      this.db,
      `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE state IN (${marks}) AND network_id = ? ORDER BY recipient_name, tracking_id`,
    ).all(...states, networkId);
  }

  countInCustody(networkId: string): number {
    const marks = IN_CUSTODY.map(() => '?').join(', ');
    return sql<unknown[], { n: number }>(this.db, `SELECT count(*) AS n FROM parcels WHERE network_id = ? AND state IN (${marks})`).get(
      networkId,
      ...IN_CUSTODY,
    )!.n;
  }
}
