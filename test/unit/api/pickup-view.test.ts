import { describe, expect, it } from 'vitest';
import { pickupView } from '../../../main/api/parcels/views';
import { PARCEL_STATES, pickupItemStatus } from '../../../main/core/parcels/parcel-states';
import { demoParcel } from '../../../main/core/networks/demo-network';
import { keyboard, scanner, useCounter } from '../../fixtures/counter';

const { start } = useCounter();

describe('the pickup view main sends', () => {
  it('gives each parcel its status: to scan, scanned, resolved as its state, handed over once done', async () => {
    const { core } = await start();
    const { deliveries, pickups, parcels } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    for (const p of deliveries.parcelsOf(delivery.id)) if (p.state === 'expected') deliveries.scan(delivery.id, p.tracking_id, scanner);
    deliveries.complete(delivery.id);
    // Demo parcels 1, 2 (and 3) belong to one customer.
    const started = pickups.start(demoParcel('demo-fr', 1).pickupCode, keyboard);
    if (started.outcome !== 'found') throw new Error('not found');
    const statuses = () =>
      Object.fromEntries(pickupView(core, started.pickupId).items.map((i) => [i.parcel.trackingId, [i.status, i.parcel.state]]));
    const [first, second] = [demoParcel('demo-fr', 1).trackingId, demoParcel('demo-fr', 2).trackingId];

    expect(statuses()[first]).toEqual(['to-scan', 'received']);
    pickups.scan(started.pickupId, first, scanner);
    expect(statuses()[first]).toEqual(['scanned', 'received']);
    pickups.resolve(started.pickupId, parcels.byTrackingId(second)!.id, 'not-found', keyboard);
    expect(statuses()[second]).toEqual(['resolved', 'missing']);
    pickups.complete(started.pickupId, scanner);
    expect(statuses()[first]).toEqual(['handed-over', 'picked_up']);
    expect(statuses()[second]).toEqual(['resolved', 'missing']);
  });

  it('counts a parcel as collectable only while it is received, expired or scanned for return', () => {
    const table = PARCEL_STATES.map((state) => [state, pickupItemStatus(state, false), pickupItemStatus(state, true)]);
    expect(table).toEqual([
      ['expected', 'resolved', 'resolved'],
      ['received', 'to-scan', 'scanned'],
      ['picked_up', 'resolved', 'handed-over'],
      ['refused', 'resolved', 'resolved'],
      ['missing', 'resolved', 'resolved'],
      ['expired', 'to-scan', 'scanned'],
      ['return_scanned', 'to-scan', 'scanned'],
      ['returned', 'resolved', 'resolved'],
      ['damaged_refused', 'resolved', 'resolved'],
    ]);
  });
});
