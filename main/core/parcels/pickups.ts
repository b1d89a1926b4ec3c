import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { CoreError, fieldError } from '../errors';
import type { CustodyLedger } from './custody-ledger';
import type { ParcelRepository } from './parcel-repository';
import { normaliseTrackingId, rejectionFor, type ScanRejection } from './parcel-rules';
import { PICKUP_CODE, type AttemptOutcome, type CodeEntry, type PickupCodeHasher, type PickupThrottle } from './pickup-codes';
import type { ScannedPickupBarcodes } from './scanned-pickup-barcodes';
import { PARCEL_COLUMNS, type ActionContext, type ParcelRow } from './types';
import { sql } from '../db/statements';
import { COLLECTABLE, isCollectable } from './parcel-states';

export interface PickupItem {
  parcel: ParcelRow;
  scannedAt: number | null;
}

export type PickupStart =
  | { outcome: 'found'; pickupId: number }
  /** The code is right, but every parcel it opens was recalled by the network. */
  | { outcome: 'recalled'; trackingIds: string[] }
  | { outcome: 'wrong-code'; lockedUntil: number | undefined }
  | { outcome: 'throttled'; lockedUntil: number };

/**
 * How long staff can undo a one-parcel pickup after its parcel is scanned;
 * then the hand-over is committed without a Done.
 */
export const FINISH_UNDO_MS = 3_000;

export interface PickupRow {
  id: number;
  started_at: number;
  completed_at: number | null;
  /** While the pickup is open: when it finishes on its own unless undone. */
  finish_at: number | null;
  actor_id: string;
}

export type PickupScan =
  | { outcome: 'scanned'; parcel: ParcelRow }
  | { outcome: 'already-scanned'; parcel: ParcelRow }
  | { outcome: 'rejected'; rejection: ScanRejection };

/**
 * Customer pickup (docs/rules.md, Parcels). The code is enough, no ID check, so
 * wrong codes spend a budget and every attempt is logged.
 */
export class Pickups {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly parcels: ParcelRepository,
    private readonly ledger: CustodyLedger,
    private readonly hasher: PickupCodeHasher,
    private readonly throttle: PickupThrottle,
    private readonly barcodes: ScannedPickupBarcodes,
  ) {}

  /**
   * Opens a pickup for the customer whose code this is; `networkId` narrows
   * it when the code came from a barcode. A code typed while the wrong-code
   * budget is spent is refused; one from a pickup barcode main just read is
   * not (it still counts, and is logged, like every attempt).
   */
  start(code: string, ctx: ActionContext & { method: 'scanner' | 'keyboard' }, networkId?: string): PickupStart {
    if (!PICKUP_CODE.test(code)) throw fieldError('code', 'pickupCodeDigits', 'A pickup code has 6 digits');
    const entry: CodeEntry =
      ctx.method === 'scanner' && networkId !== undefined && this.barcodes.take(networkId, code) ? 'barcode' : 'typed';
    return this.db
      .transaction((): PickupStart => {
        const record = (outcome: AttemptOutcome) => this.throttle.record(outcome, ctx.actorId, ctx.method, entry);
        const locked = entry === 'typed' ? this.throttle.lockedUntil() : undefined;
        if (locked !== undefined) {
          record('throttled');
          return { outcome: 'throttled', lockedUntil: locked };
        }
        const hash = this.hasher.hash(code);
        const marks = COLLECTABLE.map(() => '?').join(', ');
        const found = sql<unknown[], ParcelRow>(
          this.db,
          `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE pickup_code_hash = ? AND state IN (${marks})${networkId ? ' AND network_id = ?' : ''}
           ORDER BY tracking_id`,
        ).all(hash, ...COLLECTABLE, ...(networkId ? [networkId] : []));
        // A recalled parcel goes back to the network, not to the customer.
        const matches = found.filter((p) => p.recalled_at === null);
        if (matches.length === 0 && found.length > 0) {
          record('matched');
          return { outcome: 'recalled', trackingIds: found.map((p) => p.tracking_id) };
        }
        if (matches.length === 0) {
          record('wrong');
          return { outcome: 'wrong-code', lockedUntil: this.throttle.lockedUntil() };
        }
        record('matched');
        const pickupId = Number(
          sql(this.db, 'INSERT INTO pickups (pickup_code_hash, started_at, actor_id) VALUES (?, ?, ?)').run(
            hash,
            this.clock.now(),
            ctx.actorId,
          ).lastInsertRowid,
        );
        const addItem = sql(this.db, 'INSERT INTO pickup_items (pickup_id, parcel_id) VALUES (?, ?)');
        for (const parcel of matches) addItem.run(pickupId, parcel.id);
        return { outcome: 'found', pickupId };
      })
      .immediate();
  }

  items(pickupId: number): PickupItem[] {
    this.get(pickupId);
    return sql<[number], { parcel_id: number; scanned_at: number | null }>(
      this.db,
      'SELECT parcel_id, scanned_at FROM pickup_items WHERE pickup_id = ? ORDER BY parcel_id',
    )
      .all(pickupId)
      .map((row) => ({ parcel: this.parcels.byId(row.parcel_id), scannedAt: row.scanned_at }));
  }

  get(pickupId: number): PickupRow {
    const row = sql<[number], PickupRow>(this.db, 'SELECT id, started_at, completed_at, finish_at, actor_id FROM pickups WHERE id = ?').get(
      pickupId,
    );
    if (!row) throw new CoreError('NOT_FOUND', `No pickup ${pickupId}`);
    return row;
  }

  /**
   * Scanning a label ticks it; a parcel that is not this customer's is refused
   * with the reason. The scan of a one-parcel pickup's parcel also sets when
   * the pickup finishes on its own (see `finishDue`).
   */
  scan(pickupId: number, rawTrackingId: string, ctx: ActionContext & { method: 'scanner' | 'keyboard' }): PickupScan {
    this.assertOpen(pickupId);
    const trackingId = normaliseTrackingId(rawTrackingId);
    return this.db
      .transaction((): PickupScan => {
        const item = this.items(pickupId).find((i) => i.parcel.tracking_id === trackingId);
        if (!item) {
          const parcel = this.parcels.byTrackingId(trackingId);
          if (!parcel) return { outcome: 'rejected', rejection: { reason: 'unknown-parcel', trackingId } };
          if (isCollectable(parcel.state) && parcel.recalled_at === null) {
            return { outcome: 'rejected', rejection: { reason: 'other-customer', trackingId } };
          }
          return { outcome: 'rejected', rejection: rejectionFor(parcel) };
        }
        if (!isCollectable(item.parcel.state)) {
          return { outcome: 'rejected', rejection: rejectionFor(item.parcel) };
        }
        if (item.scannedAt !== null) return { outcome: 'already-scanned', parcel: item.parcel };
        const now = this.clock.now();
        sql(this.db, 'UPDATE pickup_items SET scanned_at = ?, method = ? WHERE pickup_id = ? AND parcel_id = ?').run(
          now,
          ctx.method,
          pickupId,
          item.parcel.id,
        );
        const onlyParcel =
          sql<[number], { n: number }>(this.db, 'SELECT count(*) AS n FROM pickup_items WHERE pickup_id = ?').get(pickupId)!.n === 1;
        if (onlyParcel) sql(this.db, 'UPDATE pickups SET finish_at = ? WHERE id = ?').run(now + FINISH_UNDO_MS, pickupId);
        return { outcome: 'scanned', parcel: item.parcel };
      })
      .immediate();
  }

  /**
   * "Not found" or "Refused" for one parcel of this pickup; committed at once.
   * It stops a pending finish: what is left to hand over waits for Done.
   */
  resolve(pickupId: number, parcelId: number, resolution: 'not-found' | 'refused', ctx: ActionContext): ParcelRow {
    this.assertOpen(pickupId);
    return this.db
      .transaction(() => {
        const item = this.items(pickupId).find((i) => i.parcel.id === parcelId);
        if (!item) throw new CoreError('NOT_FOUND', `Parcel ${parcelId} is not part of this pickup`);
        sql(this.db, 'UPDATE pickups SET finish_at = NULL WHERE id = ?').run(pickupId);
        if (resolution === 'not-found') return this.ledger.move(item.parcel, 'missing', { ...ctx, reason: 'not-found-at-pickup' });
        return this.ledger.move(item.parcel, 'refused', { ...ctx, reason: 'refused-by-customer' }, { return_ready_at: this.clock.now() });
      })
      .immediate();
  }

  /** Done: every scanned parcel leaves custody, in one transaction. */
  complete(pickupId: number, ctx: ActionContext): { handedOver: ParcelRow[] } {
    this.assertOpen(pickupId);
    return this.db
      .transaction(() => {
        // A parcel scanned and then refused (or recorded missing) stays: only collectable ones are handed over.
        const scanned = this.items(pickupId).filter((i) => i.scannedAt !== null && isCollectable(i.parcel.state));
        const handedOver = scanned.map((i) => {
          const method = sql<[number, number], { method: ActionContext['method'] }>(
            this.db,
            'SELECT method FROM pickup_items WHERE pickup_id = ? AND parcel_id = ?',
          ).get(pickupId, i.parcel.id)!.method;
          return this.ledger.move(
            i.parcel,
            'picked_up',
            { actorId: ctx.actorId, method, reason: 'collected', slotId: null },
            { slot_id: null },
          );
        });
        sql(this.db, 'UPDATE pickups SET completed_at = ? WHERE id = ?').run(this.clock.now(), pickupId);
        return { handedOver };
      })
      .immediate();
  }

  /**
   * Undo, inside the window: the pickup goes back to before the scan (the
   * parcel unscanned, nothing handed over, nothing in the custody log). Once
   * the window has closed it is refused, even if the finish has not run yet.
   */
  undoFinish(pickupId: number): void {
    this.db
      .transaction(() => {
        const pickup = this.get(pickupId);
        if (pickup.completed_at !== null || pickup.finish_at === null || pickup.finish_at <= this.clock.now()) {
          throw new CoreError('PICKUP_UNDO_CLOSED', `Pickup ${pickupId} has no hand-over left to undo`);
        }
        sql(this.db, 'UPDATE pickups SET finish_at = NULL WHERE id = ?').run(pickupId);
        sql(this.db, 'UPDATE pickup_items SET scanned_at = NULL, method = NULL WHERE pickup_id = ?').run(pickupId);
      })
      .immediate();
  }

  /** When the next pending finish is due, for the scheduler. */
  nextFinishAt(): number | undefined {
    return (
      sql<[], { at: number | null }>(
        this.db,
        'SELECT min(finish_at) AS at FROM pickups WHERE completed_at IS NULL AND finish_at IS NOT NULL',
      ).get()!.at ?? undefined
    );
  }

  /** Commits every pickup whose undo window has closed, as Done would, in the name of who scanned it. Returns how many. */
  finishDue(): number {
    const due = sql<[number], PickupRow>(
      this.db,
      'SELECT id, started_at, completed_at, finish_at, actor_id FROM pickups WHERE completed_at IS NULL AND finish_at <= ? ORDER BY finish_at',
    ).all(this.clock.now());
    for (const pickup of due) this.complete(pickup.id, { actorId: pickup.actor_id, method: 'system' });
    return due.length;
  }

  suggest(pickupId: number, typed: string): string[] {
    const needle = normaliseTrackingId(typed);
    if (needle.length < 3) return [];
    return this.items(pickupId)
      .filter((i) => i.scannedAt === null && i.parcel.tracking_id.includes(needle))
      .map((i) => i.parcel.tracking_id);
  }

  private assertOpen(pickupId: number): void {
    if (this.get(pickupId).completed_at !== null)
      throw new CoreError('CONFLICT', `Pickup ${pickupId} is already done`, { reason: 'alreadyDone' });
  }
}
