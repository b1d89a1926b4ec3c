import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { CoreError, fieldError } from '../errors';
import type { Network, NetworkRepository } from '../networks/network-repository';
import type { CustodyLedger } from './custody-ledger';
import type { ParcelRepository } from './parcel-repository';
import type { ShelfSlots } from './shelf-slots';
import { PARCEL_COLUMNS, SYSTEM_ACTOR, type ActionContext, type ParcelRow } from './types';
import { matchesTrackingPattern, normaliseTrackingId, rejectionFor, retentionEnd, type ScanRejection } from './parcel-rules';
import { sql } from '../db/statements';
import { queueOutboxEvent } from '../networks/outbox-queue';
import { actingStaffId } from '../staff/acting-staff';

export interface DeliveryRow {
  id: number;
  network_id: string;
  handed_over_at: number;
  intake_deadline_at: number | null;
  postpones_used: number;
  completed_at: number | null;
}

export type IntakeOutcome =
  | { outcome: 'received'; parcel: ParcelRow; unexpected: boolean; overCapacity: boolean }
  | { outcome: 'already-scanned'; parcel: ParcelRow }
  | { outcome: 'rejected'; rejection: ScanRejection };

/**
 * Driver deliveries (docs/rules.md, Parcels): one per driver visit and network. When
 * the store scans, the parcels must be scanned within the network's intake
 * window; when the driver scans, they are received at handover.
 */
export class Deliveries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly networks: NetworkRepository,
    private readonly parcels: ParcelRepository,
    private readonly ledger: CustodyLedger,
    private readonly slots: ShelfSlots,
  ) {}

  get(id: number): DeliveryRow {
    const row = sql<[number], DeliveryRow>(this.db, 'SELECT * FROM deliveries WHERE id = ?').get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No delivery ${id}`);
    return row;
  }

  /**
   * The network whose driver usually comes at this time of day: the latest
   * delivery of the last 4 weeks handed over within an hour of now's time of
   * day, or undefined. Times of day are compared in UTC: the store's zone
   * offset would shift both sides alike (a DST change moves it by an hour at most).
   */
  usualNetworkAt(now: number): string | undefined {
    const day = 24 * 60 * 60_000;
    // Clock times are never before 1970, so the remainder is the time of day.
    const timeOfDay = (t: number) => t % day;
    const target = timeOfDay(now);
    const recent = sql<[number, number], { network_id: string; handed_over_at: number }>(
      this.db,
      'SELECT network_id, handed_over_at FROM deliveries WHERE handed_over_at >= ? AND handed_over_at <= ? ORDER BY handed_over_at DESC, id DESC',
    ).all(now - 28 * day, now);
    const hour = 60 * 60_000;
    const near = recent.find((d) => {
      const gap = Math.abs(timeOfDay(d.handed_over_at) - target);
      return Math.min(gap, day - gap) <= hour;
    });
    return near?.network_id;
  }

  open(): DeliveryRow[] {
    return sql<[], DeliveryRow>(this.db, 'SELECT * FROM deliveries WHERE completed_at IS NULL ORDER BY id').all();
  }

  parcelsOf(deliveryId: number): ParcelRow[] {
    return sql<[number], ParcelRow>(this.db, `SELECT ${PARCEL_COLUMNS} FROM parcels WHERE delivery_id = ? ORDER BY tracking_id`).all(
      deliveryId,
    );
  }

  /**
   * A driver hands parcels over. `trackingIds` are the parcels the network
   * says this driver brings. Without them, where the store scans, every
   * parcel the network still announces is expected (the scan decides);
   * where the driver scans, the driver's scan is the intake, so only the
   * parcels the network reported are received: with no report, nothing is,
   * and a parcel that did come is taken in by scanning it. An open delivery
   * of the same network is reused.
   */
  handOver(networkId: string, ctx: ActionContext, trackingIds?: readonly string[]): DeliveryRow {
    const network = this.networks.get(networkId);
    return this.db
      .transaction(() => {
        const now = this.clock.now();
        const existing = sql<[string], DeliveryRow>(this.db, 'SELECT * FROM deliveries WHERE network_id = ? AND completed_at IS NULL').get(
          networkId,
        );
        const storeScans = network.policy.deliveryScannedBy === 'store';
        const delivery =
          existing ??
          this.get(
            Number(
              sql(this.db, 'INSERT INTO deliveries (network_id, handed_over_at, intake_deadline_at, opened_by) VALUES (?, ?, ?, ?)').run(
                networkId,
                now,
                storeScans ? now + network.policy.intakeWindowMinutes * 60_000 : null,
                ctx.actorId,
              ).lastInsertRowid,
            ),
          );
        const announced = trackingIds
          ? trackingIds.map((t) => this.parcels.byTrackingId(normaliseTrackingId(t), networkId)).filter((p) => p !== undefined)
          : storeScans
            ? this.parcels.inState(['expected'], networkId).filter((p) => p.recalled_at === null)
            : [];
        for (const parcel of announced) {
          if (parcel.state !== 'expected') continue;
          sql(this.db, 'UPDATE parcels SET delivery_id = ? WHERE id = ?').run(delivery.id, parcel.id);
          // The driver's own scan is the intake for networks where the driver scans.
          if (!storeScans)
            this.receive(
              { ...parcel, delivery_id: delivery.id },
              delivery.id,
              { actorId: SYSTEM_ACTOR, method: 'system' },
              'driver-scanned',
            );
        }
        return this.get(delivery.id);
      })
      .immediate();
  }

  /** One intake scan or typed tracking ID. A repeated scan changes nothing. */
  scan(deliveryId: number, rawTrackingId: string, ctx: ActionContext): IntakeOutcome {
    const delivery = this.assertOpen(deliveryId);
    const network = this.networks.get(delivery.network_id);
    const trackingId = normaliseTrackingId(rawTrackingId);
    if (!this.isTrackingIdOf(network, trackingId)) {
      return { outcome: 'rejected', rejection: { reason: 'not-this-network', trackingId } };
    }
    return this.db
      .transaction((): IntakeOutcome => {
        const parcel = this.parcels.byTrackingId(trackingId, network.id);
        if (parcel?.state === 'received' && parcel.delivery_id === deliveryId) return { outcome: 'already-scanned', parcel };
        if (parcel && (parcel.state !== 'expected' || parcel.recalled_at !== null))
          return { outcome: 'rejected', rejection: rejectionFor(parcel) };
        const overCapacity = this.parcels.countInCustody(network.id) >= network.policy.capacity;
        if (overCapacity) this.queueCapacityWarning(network.id, network.policy.capacity);
        if (parcel) {
          return {
            outcome: 'received',
            parcel: this.receive(parcel, deliveryId, ctx),
            unexpected: parcel.delivery_id !== deliveryId,
            overCapacity,
          };
        }
        const created = this.createUnannounced(network.id, trackingId, deliveryId, 'expected', ctx);
        return { outcome: 'received', parcel: this.receive(created, deliveryId, ctx, 'unexpected'), unexpected: true, overCapacity };
      })
      .immediate();
  }

  /** A damaged parcel is handed back to the driver and never enters custody. */
  refuseDamaged(deliveryId: number, rawTrackingId: string, ctx: ActionContext): ParcelRow {
    const delivery = this.assertOpen(deliveryId);
    const network = this.networks.get(delivery.network_id);
    const trackingId = normaliseTrackingId(rawTrackingId);
    if (!this.isTrackingIdOf(network, trackingId)) {
      throw fieldError('trackingId', 'notNetworkTracking', `${trackingId} is not a ${network.name} tracking ID`, {
        trackingId,
        network: network.name,
      });
    }
    return this.db
      .transaction(() => {
        const parcel =
          this.parcels.byTrackingId(trackingId, network.id) ?? this.createUnannounced(network.id, trackingId, deliveryId, 'expected', ctx);
        return this.ledger.move(parcel, 'damaged_refused', { ...ctx, reason: 'damaged', deliveryId }, { delivery_id: deliveryId });
      })
      .immediate();
  }

  /** An ID the network announced is always its own, whatever the pattern; the pattern only judges unknown codes. */
  private isTrackingIdOf(network: Network, trackingId: string): boolean {
    return (
      this.parcels.byTrackingId(trackingId, network.id) !== undefined ||
      matchesTrackingPattern(trackingId, network.policy.trackingIdPattern)
    );
  }

  /** Staff choose to scan later: allowed as often as the policy says, and never past the deadline. */
  postpone(deliveryId: number): DeliveryRow {
    const delivery = this.assertOpen(deliveryId);
    const network = this.networks.get(delivery.network_id);
    if (delivery.intake_deadline_at === null)
      throw new CoreError('CONFLICT', 'This delivery has no intake deadline', { reason: 'noIntakeDeadline' });
    if (this.clock.now() >= delivery.intake_deadline_at)
      throw new CoreError('CONFLICT', 'The intake window has passed: scan the parcels now', { reason: 'intakeWindowPassed' });
    if (delivery.postpones_used >= network.policy.postponesAllowed) {
      throw new CoreError('CONFLICT', 'The intake was already postponed: scan the parcels now', { reason: 'alreadyPostponed' });
    }
    sql(this.db, 'UPDATE deliveries SET postpones_used = postpones_used + 1 WHERE id = ?').run(deliveryId);
    return this.get(deliveryId);
  }

  /** Closes the intake. Parcels not scanned were not handed over: they go back to the network's announced list. */
  complete(deliveryId: number): { delivery: DeliveryRow; notDelivered: number } {
    this.assertOpen(deliveryId);
    return this.db
      .transaction(() => {
        const notDelivered = sql(this.db, "UPDATE parcels SET delivery_id = NULL WHERE delivery_id = ? AND state = 'expected'").run(
          deliveryId,
        ).changes;
        sql(this.db, 'UPDATE deliveries SET completed_at = ? WHERE id = ?').run(this.clock.now(), deliveryId);
        return { delivery: this.get(deliveryId), notDelivered };
      })
      .immediate();
  }

  /** Tracking IDs of this delivery's unscanned parcels that contain what staff typed so far. */
  suggest(deliveryId: number, typed: string): string[] {
    const needle = normaliseTrackingId(typed);
    if (needle.length < 3) return [];
    return this.parcelsOf(deliveryId)
      .filter((p) => p.state === 'expected' && p.tracking_id.includes(needle))
      .slice(0, 8)
      .map((p) => p.tracking_id);
  }

  private receive(parcel: ParcelRow, deliveryId: number, ctx: ActionContext, reason?: string): ParcelRow {
    const network = this.networks.get(parcel.network_id);
    const now = this.clock.now();
    const slot = this.slots.suggest(parcel.size);
    return this.ledger.move(
      parcel,
      'received',
      { ...ctx, reason, slotId: slot?.id ?? null, deliveryId },
      {
        delivery_id: deliveryId,
        slot_id: slot?.id ?? null,
        received_at: now,
        expires_at: retentionEnd(now, network.policy.retentionDays),
      },
    );
  }

  private createUnannounced(networkId: string, trackingId: string, deliveryId: number, state: 'expected', ctx: ActionContext): ParcelRow {
    const now = this.clock.now();
    // Not announced, so nobody has a code for it yet: a random hash that no code matches until the announcement completes it.
    const id = sql(
      this.db,
      `INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, delivery_id, announced_at, state_changed_at, awaiting_announcement)
         VALUES (?, ?, '', 'medium', ?, ?, ?, ?, ?, 1)`,
    ).run(networkId, trackingId, randomBytes(32), state, deliveryId, now, now).lastInsertRowid;
    const parcel = this.parcels.byId(Number(id));
    this.ledger.recordCreation(parcel, { ...ctx, reason: 'not-announced', deliveryId });
    return parcel;
  }

  private queueCapacityWarning(networkId: string, capacity: number): void {
    const now = this.clock.now();
    queueOutboxEvent(this.db, {
      networkId,
      idempotencyKey: `capacity-${networkId}-${now}-${randomBytes(4).toString('hex')}`,
      kind: 'capacity',
      payload: { capacity, at: now },
      at: now,
      actorId: actingStaffId(),
    });
  }

  private assertOpen(deliveryId: number): DeliveryRow {
    const delivery = this.get(deliveryId);
    if (delivery.completed_at !== null)
      throw new CoreError('CONFLICT', `Delivery ${deliveryId} is already closed`, { reason: 'alreadyDone' });
    return delivery;
  }
}
