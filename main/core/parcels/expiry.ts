import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { NetworkRepository } from '../networks/network-repository';
import type { CustodyLedger } from './custody-ledger';
import type { ParcelRepository } from './parcel-repository';
import { normaliseTrackingId, rejectionFor, type ScanRejection } from './parcel-rules';
import { PARCEL_COLUMNS, SYSTEM_ACTOR, type ActionContext, type ParcelRow } from './types';
import { sql } from '../db/statements';

export interface ExpiryNoticeRow {
  id: number;
  network_id: string;
  raised_at: number;
  scan_deadline_at: number;
  completed_at: number | null;
}

export type ExpiredScan =
  | { outcome: 'scanned'; parcel: ParcelRow }
  | { outcome: 'already-scanned'; parcel: ParcelRow }
  | { outcome: 'rejected'; rejection: ScanRejection };

/**
 * Parcels past retention (docs/rules.md, Parcels): they expire at exactly the
 * stored `expires_at`, a notice is raised per network, and the store must
 * scan them for return within the network's window after the notice.
 */
export class Expiry {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly networks: NetworkRepository,
    private readonly parcels: ParcelRepository,
    private readonly ledger: CustodyLedger,
  ) {}

  /** The next moment a received parcel expires, for the scheduler. */
  nextExpiryAt(): number | undefined {
    const row = sql<[], { at: number | null }>(this.db, "SELECT min(expires_at) AS at FROM parcels WHERE state = 'received'").get();
    return row?.at ?? undefined;
  }

  /**
   * Expires every parcel whose retention has ended and raises (or extends) its network's notice. Each network
   * is swept in its own transaction, so one network's bad data cannot hold back another's expiries; when some
   * failed, the others are committed and an ExpirySweepError says which (the scheduler then backs off).
   */
  sweep(): number {
    const now = this.clock.now();
    const networkIds = sql<[number], { network_id: string }>(
      this.db,
      "SELECT DISTINCT network_id FROM parcels WHERE state = 'received' AND expires_at <= ? ORDER BY network_id",
    )
      .all(now)
      .map((r) => r.network_id);
    let expired = 0;
    const failures: { networkId: string; error: unknown }[] = [];
    for (const networkId of networkIds) {
      try {
        expired += this.sweepNetwork(networkId, now);
      } catch (error) {
        failures.push({ networkId, error });
      }
    }
    if (failures.length > 0) throw new ExpirySweepError(expired, failures);
    return expired;
  }

  private sweepNetwork(networkId: string, now: number): number {
    return this.db
      .transaction(() => {
        const due = sql<[string, number], ParcelRow>(
          this.db,
          `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE network_id = ? AND state = 'received' AND expires_at <= ?`,
        ).all(networkId, now);
        for (const parcel of due) {
          const notice = this.openNoticeFor(parcel.network_id) ?? this.raiseNotice(parcel.network_id);
          this.ledger.move(
            parcel,
            'expired',
            { actorId: SYSTEM_ACTOR, method: 'system', reason: 'retention-ended' },
            { expiry_notice_id: notice.id },
          );
        }
        return due.length;
      })
      .immediate();
  }

  /** The network wants a parcel on the shelf back: it joins the expired parcels to scan for return, with the same window. */
  recall(parcel: ParcelRow): ParcelRow {
    const notice = this.openNoticeFor(parcel.network_id) ?? this.raiseNotice(parcel.network_id);
    return this.ledger.move(
      parcel,
      'expired',
      { actorId: SYSTEM_ACTOR, method: 'system', reason: 'recalled' },
      { expiry_notice_id: notice.id },
    );
  }

  openNotices(): ExpiryNoticeRow[] {
    return sql<[], ExpiryNoticeRow>(this.db, 'SELECT * FROM expiry_notices WHERE completed_at IS NULL ORDER BY id').all();
  }

  notice(id: number): ExpiryNoticeRow {
    const row = sql<[number], ExpiryNoticeRow>(this.db, 'SELECT * FROM expiry_notices WHERE id = ?').get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No expiry notice ${id}`);
    return row;
  }

  parcelsOf(noticeId: number): ParcelRow[] {
    return sql<[number], ParcelRow>(this.db, `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE expiry_notice_id = ? ORDER BY tracking_id`).all(
      noticeId,
    );
  }

  scan(noticeId: number, rawTrackingId: string, ctx: ActionContext): ExpiredScan {
    const notice = this.assertOpen(noticeId);
    const trackingId = normaliseTrackingId(rawTrackingId);
    return this.db
      .transaction((): ExpiredScan => {
        const parcel = this.parcels.byTrackingId(trackingId, notice.network_id);
        if (!parcel) return { outcome: 'rejected', rejection: { reason: 'unknown-parcel', trackingId } };
        if (parcel.state === 'return_scanned') return { outcome: 'already-scanned', parcel };
        if (parcel.state !== 'expired') return { outcome: 'rejected', rejection: rejectionFor(parcel) };
        const moved = this.ledger.move(parcel, 'return_scanned', { ...ctx, reason: 'expired-scan' }, { return_ready_at: this.clock.now() });
        this.completeIfDone(noticeId);
        return { outcome: 'scanned', parcel: moved };
      })
      .immediate();
  }

  /** "Cannot find", confirmed with OK: the parcel is recorded missing. */
  cannotFind(noticeId: number, parcelId: number, ctx: ActionContext): ParcelRow {
    this.assertOpen(noticeId);
    return this.db
      .transaction(() => {
        const parcel = this.parcels.byId(parcelId);
        if (parcel.expiry_notice_id !== noticeId) throw new CoreError('NOT_FOUND', `Parcel ${parcelId} is not on this notice`);
        const moved = this.ledger.move(parcel, 'missing', { ...ctx, reason: 'not-found-at-expired-scan', slotId: null }, { slot_id: null });
        this.completeIfDone(noticeId);
        return moved;
      })
      .immediate();
  }

  /** A notice is done when none of its parcels still waits to be scanned (a customer may also have collected one). */
  completeIfDone(noticeId: number): void {
    const waiting = sql<[number], { n: number }>(
      this.db,
      "SELECT count(*) AS n FROM parcels WHERE expiry_notice_id = ? AND state = 'expired'",
    ).get(noticeId)!.n;
    if (waiting === 0) {
      sql(this.db, 'UPDATE expiry_notices SET completed_at = ? WHERE id = ? AND completed_at IS NULL').run(this.clock.now(), noticeId);
    }
  }

  private openNoticeFor(networkId: string): ExpiryNoticeRow | undefined {
    return sql<[string], ExpiryNoticeRow>(
      this.db,
      'SELECT * FROM expiry_notices WHERE network_id = ? AND completed_at IS NULL ORDER BY id DESC',
    ).get(networkId);
  }

  private raiseNotice(networkId: string): ExpiryNoticeRow {
    const now = this.clock.now();
    const window = this.networks.get(networkId).policy.expiredScanWindowMinutes * 60_000;
    const id = sql(this.db, 'INSERT INTO expiry_notices (network_id, raised_at, scan_deadline_at) VALUES (?, ?, ?)').run(
      networkId,
      now,
      now + window,
    ).lastInsertRowid;
    return this.notice(Number(id));
  }

  private assertOpen(noticeId: number): ExpiryNoticeRow {
    const notice = this.notice(noticeId);
    if (notice.completed_at !== null)
      throw new CoreError('CONFLICT', `Expiry notice ${noticeId} is already done`, { reason: 'alreadyDone' });
    return notice;
  }
}

/** Some networks' parcels could not be expired; `expired` parcels of the others were. */
export class ExpirySweepError extends Error {
  constructor(
    readonly expired: number,
    readonly failures: readonly { networkId: string; error: unknown }[],
  ) {
    super(
      `Expiry failed for ${failures.map((f) => `${f.networkId} (${f.error instanceof Error ? f.error.message : String(f.error)})`).join(', ')}`,
    );
    this.name = 'ExpirySweepError';
  }
}
