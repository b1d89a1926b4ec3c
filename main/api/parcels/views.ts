import type { CounterCore } from '../../core/counter-core';
import type { DeliveryRow } from '../../core/parcels/deliveries';
import type { ExpiryNoticeRow } from '../../core/parcels/expiry';
import { expiredHandledCount, expiredItemStatus, pickupItemStatus } from '../../core/parcels/parcel-states';
import { parcelFromRow } from '../../core/parcels/parcel-row';
import type { ParcelRow } from '../../core/parcels/types';
import type { CounterStatus, DeliveryView, ExpiredView, ParcelView, PickupView } from './schemas';

/** Shapes core rows into what the contract sends: no hashes, no internal columns. */
export function parcelView(row: ParcelRow): ParcelView {
  const { id, networkId, trackingId, recipientName, size, state, slotId, stateChangedAt, expiresAt } = parcelFromRow(row);
  return { id, networkId, trackingId, recipientName, size, state, slotId, stateChangedAt, expiresAt };
}

export function deliveryView(core: Pick<CounterCore, 'networks' | 'counter'>, delivery: DeliveryRow): DeliveryView {
  const network = core.networks.get(delivery.network_id);
  const parcels = core.counter.deliveries.parcelsOf(delivery.id);
  return {
    id: delivery.id,
    networkId: delivery.network_id,
    storeScans: network.policy.deliveryScannedBy === 'store',
    handedOverAt: delivery.handed_over_at,
    deadlineAt: delivery.intake_deadline_at,
    postponesUsed: delivery.postpones_used,
    postponesAllowed: network.policy.postponesAllowed,
    completedAt: delivery.completed_at,
    parcels: parcels.map(parcelView),
    counts: {
      scanned: parcels.filter((p) => p.state !== 'expected' && p.state !== 'damaged_refused').length,
      expected: parcels.filter((p) => p.state !== 'damaged_refused').length,
      refused: parcels.filter((p) => p.state === 'damaged_refused').length,
    },
    inCustody: core.counter.parcels.countInCustody(delivery.network_id),
    capacity: network.policy.capacity,
  };
}

export function pickupView(core: Pick<CounterCore, 'counter'>, pickupId: number): PickupView {
  const pickup = core.counter.pickups.get(pickupId);
  return {
    id: pickup.id,
    completedAt: pickup.completed_at,
    finishAt: pickup.completed_at === null ? pickup.finish_at : null,
    items: core.counter.pickups
      .items(pickupId)
      .map((i) => ({ parcel: parcelView(i.parcel), status: pickupItemStatus(i.parcel.state, i.scannedAt !== null) })),
  };
}

export function expiredView(core: Pick<CounterCore, 'counter'>, notice: ExpiryNoticeRow): ExpiredView {
  const parcels = core.counter.expiry.parcelsOf(notice.id).map((row) => {
    const parcel = parcelView(row);
    return { ...parcel, status: expiredItemStatus(parcel.state) };
  });
  return {
    id: notice.id,
    networkId: notice.network_id,
    raisedAt: notice.raised_at,
    deadlineAt: notice.scan_deadline_at,
    completedAt: notice.completed_at,
    parcels,
    handled: expiredHandledCount(parcels.map((p) => p.status)),
  };
}

export function counterStatus(core: Pick<CounterCore, 'clock' | 'networks' | 'counter'>): CounterStatus {
  const { counter } = core;
  const now = core.clock.now();
  return {
    now,
    blocking: counter.blocking.current(now) ?? null,
    deadlines: counter.blocking.deadlines(),
    openDeliveries: counter.deliveries.open().map((d) => ({
      id: d.id,
      networkId: d.network_id,
      deadlineAt: d.intake_deadline_at,
      unscanned: counter.deliveries.parcelsOf(d.id).filter((p) => p.state === 'expected').length,
    })),
    expiredNotices: counter.expiry.openNotices().map((n) => ({
      id: n.id,
      networkId: n.network_id,
      deadlineAt: n.scan_deadline_at,
      waiting: counter.expiry.parcelsOf(n.id).filter((p) => p.state === 'expired').length,
    })),
    returnsWaiting: core.networks
      .list()
      .map((n) => ({ networkId: n.id, count: counter.returns.waiting(n.id).length }))
      .filter((r) => r.count > 0),
    overdueReturns: counter.returns.overdue(now),
  };
}
