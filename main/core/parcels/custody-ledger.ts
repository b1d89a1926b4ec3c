import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { assertTransition, type ParcelState } from './parcel-states';
import { PARCEL_COLUMNS, type ActionContext, type ParcelRow } from './types';
import { sql } from '../db/statements';
import { CustodyChain } from './custody-chain';
import { queueOutboxEvent } from '../networks/outbox-queue';

/** Columns a move may set besides the state. */
export interface ParcelPatch {
  slot_id?: string | null;
  delivery_id?: number | null;
  expiry_notice_id?: number | null;
  received_at?: number | null;
  expires_at?: number | null;
  return_ready_at?: number | null;
}

export interface MoveDetails extends ActionContext {
  reason?: string;
  slotId?: string | null;
  deliveryId?: number | null;
}

export interface CustodyEvent {
  id: number;
  parcelId: number;
  fromState: ParcelState | null;
  toState: ParcelState;
  at: number;
  actorId: string;
  method: string;
  slotId: string | null;
  reason: string | null;
  deliveryId: number | null;
}

const PATCHABLE = ['slot_id', 'delivery_id', 'expiry_notice_id', 'received_at', 'expires_at', 'return_ready_at'] as const;

/**
 * The only way a parcel changes state. Each move checks the transition table,
 * updates the parcel, appends its custody event and queues the event for the
 * network in the outbox — all in the caller's transaction, so either all of
 * it is on disk or none of it.
 */
export class CustodyLedger {
  private readonly insertEvent: Statement;
  private readonly selectParcel: Statement<[number], ParcelRow>;

  private readonly chain: CustodyChain;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.chain = new CustodyChain(db, clock);
    this.insertEvent = db.prepare(
      `INSERT INTO custody_events (id, parcel_id, from_state, to_state, at, actor_id, method, slot_id, reason, delivery_id, prev_hash, hash)
       VALUES (@id, @parcelId, @fromState, @toState, @at, @actorId, @method, @slotId, @reason, @deliveryId, @prevHash, @hash)`,
    );
    this.selectParcel = db.prepare(`SELECT ${PARCEL_COLUMNS} FROM parcels WHERE id = ?`);
  }

  /** Records a parcel's first appearance (announced, or found unannounced at intake). */
  recordCreation(parcel: ParcelRow, details: MoveDetails): void {
    this.appendEvent(parcel, null, parcel.state, details);
  }

  /**
   * A note in a parcel's log that changes no state (the event goes from its
   * state to the same). The network is not told: it is the network's own news.
   * Like a move it runs in the caller's transaction: the chain link, first, refuses to run outside one.
   */
  note(parcel: ParcelRow, details: MoveDetails): void {
    this.insertEventRow(parcel, parcel.state, parcel.state, details);
  }

  move(parcel: ParcelRow, to: ParcelState, details: MoveDetails, patch: ParcelPatch = {}): ParcelRow {
    if (!this.db.inTransaction) throw new Error('CustodyLedger.move must run inside a transaction');
    assertTransition(parcel.state, to, parcel.tracking_id);
    const now = this.clock.now();
    const sets = ['state = @state', 'state_changed_at = @now'];
    const params: Record<string, unknown> = { id: parcel.id, state: to, now, from: parcel.state };
    for (const column of PATCHABLE) {
      if (column in patch) {
        sets.push(`${column} = @${column}`);
        params[column] = patch[column] ?? null;
      }
    }
    // The WHERE on the old state makes a concurrent move of the same parcel fail instead of overwrite.
    const result = sql(this.db, `UPDATE parcels SET ${sets.join(', ')} WHERE id = @id AND state = @from`).run(params);
    if (result.changes !== 1)
      throw new CoreError('CONFLICT', `Parcel ${parcel.tracking_id} changed in the meantime`, {
        reason: 'parcelChanged',
        params: { trackingId: parcel.tracking_id },
      });
    const moved = this.selectParcel.get(parcel.id)!;
    this.appendEvent(moved, parcel.state, to, details);
    return moved;
  }

  history(parcelId: number): CustodyEvent[] {
    return sql<[number], CustodyEvent>(
      this.db,
      `SELECT id, parcel_id AS parcelId, from_state AS fromState, to_state AS toState, at, actor_id AS actorId,
                method, slot_id AS slotId, reason, delivery_id AS deliveryId
         FROM custody_events WHERE parcel_id = ? ORDER BY id`,
    ).all(parcelId);
  }

  private appendEvent(parcel: ParcelRow, from: ParcelState | null, to: ParcelState, details: MoveDetails): void {
    const { at, eventId } = this.insertEventRow(parcel, from, to, details);
    const payload = { trackingId: parcel.tracking_id, from, to, at, method: details.method, reason: details.reason ?? null };
    queueOutboxEvent(this.db, {
      networkId: parcel.network_id,
      idempotencyKey: `custody-${eventId}`,
      kind: 'custody',
      payload,
      at,
      actorId: details.actorId,
    });
  }

  private insertEventRow(
    parcel: ParcelRow,
    from: ParcelState | null,
    to: ParcelState,
    details: MoveDetails,
  ): { at: number; eventId: number | bigint } {
    const at = this.clock.now();
    const slotId = details.slotId !== undefined ? details.slotId : parcel.slot_id;
    const deliveryId = details.deliveryId !== undefined ? details.deliveryId : parcel.delivery_id;
    const content = {
      parcel_id: parcel.id,
      from_state: from,
      to_state: to,
      at,
      actor_id: details.actorId,
      method: details.method,
      slot_id: slotId,
      reason: details.reason ?? null,
      delivery_id: deliveryId,
    };
    const { id, prevHash, hash } = this.chain.link(content);
    const { lastInsertRowid } = this.insertEvent.run({
      id,
      parcelId: parcel.id,
      fromState: from,
      toState: to,
      at,
      actorId: details.actorId,
      method: details.method,
      slotId,
      reason: content.reason,
      deliveryId,
      prevHash,
      hash,
    });
    return { at, eventId: lastInsertRowid };
  }
}
