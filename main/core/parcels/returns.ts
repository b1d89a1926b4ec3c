import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { CoreError, fieldError } from '../errors';
import type { NetworkRepository } from '../networks/network-repository';
import type { CustodyLedger } from './custody-ledger';
import type { ParcelRepository } from './parcel-repository';
import { DAY_MS } from '../durations';
import type { ActionContext, ParcelRow } from './types';
import { sql } from '../db/statements';

/** States of parcels that wait for a driver to take them back. */
export const AWAITING_RETURN = ['return_scanned', 'refused'] as const;

export interface OverdueReturns {
  networkId: string;
  count: number;
  oldestReadyAt: number;
}

/**
 * Driver pickup (docs/rules.md, Parcels): hand the waiting parcels to the driver
 * (a scan is optional and confirms), and prompt to contact support when they
 * have waited longer than the network's escalation limit.
 */
export class Returns {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly networks: NetworkRepository,
    private readonly parcels: ParcelRepository,
    private readonly ledger: CustodyLedger,
  ) {}

  waiting(networkId: string): ParcelRow[] {
    return this.parcels.inState(AWAITING_RETURN, networkId);
  }

  handOver(networkId: string, items: readonly { parcelId: number; scanned: boolean }[], ctx: ActionContext): ParcelRow[] {
    if (items.length === 0) throw fieldError('items', 'chooseParcel', 'Choose at least one parcel to hand over');
    return this.db
      .transaction(() =>
        items.map(({ parcelId, scanned }) => {
          const parcel = this.parcels.byId(parcelId);
          if (parcel.network_id !== networkId)
            throw new CoreError('CONFLICT', `Parcel ${parcel.tracking_id} belongs to another network`, {
              reason: 'otherNetwork',
              params: { trackingId: parcel.tracking_id },
            });
          return this.ledger.move(
            parcel,
            'returned',
            { actorId: ctx.actorId, method: scanned ? 'scanner' : ctx.method, reason: 'handed-to-driver', slotId: null },
            { slot_id: null },
          );
        }),
      )
      .immediate();
  }

  /** Networks whose returns have waited past their escalation limit: the home screen prompts to contact support. */
  overdue(now = this.clock.now()): OverdueReturns[] {
    return this.networks.list().flatMap((network) => {
      const limit = now - network.policy.returnEscalationDays * DAY_MS;
      const row = sql<[string, number], { n: number; oldest: number | null }>(
        this.db,
        `SELECT count(*) AS n, min(return_ready_at) AS oldest FROM parcels
           WHERE network_id = ? AND state IN ('return_scanned', 'refused') AND return_ready_at <= ?`,
      ).get(network.id, limit)!;
      return row.oldest !== null ? [{ networkId: network.id, count: row.n, oldestReadyAt: row.oldest }] : [];
    });
  }

  /** When the next waiting return crosses its escalation limit, for the scheduler. */
  nextEscalationAt(now = this.clock.now()): number | undefined {
    const times = this.networks.list().flatMap((network) => {
      const row = sql<[string, number], { oldest: number | null }>(
        this.db,
        `SELECT min(return_ready_at) AS oldest FROM parcels
           WHERE network_id = ? AND state IN ('return_scanned', 'refused') AND return_ready_at > ?`,
      ).get(network.id, now - network.policy.returnEscalationDays * DAY_MS)!;
      return row.oldest === null ? [] : [row.oldest + network.policy.returnEscalationDays * DAY_MS];
    });
    return times.length ? Math.min(...times) : undefined;
  }
}
