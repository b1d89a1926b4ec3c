import { describe, expect, it } from 'vitest';
import { expiredView } from '../../../main/api/parcels/views';
import { expiredHandledCount, expiredItemStatus, PARCEL_STATES } from '../../../main/core/parcels/parcel-states';
import { DAY, keyboard, scanner, useCounter } from '../../fixtures/counter';

const { start } = useCounter();

describe('the expired-parcel view main sends', () => {
  it('gives each parcel its status and counts the handled ones: scanned or not found is handled, still expired is not', async () => {
    const { core, clock } = await start();
    const { deliveries, expiry, parcels } = core.counter;
    const reported = parcels.inState(['expected'], 'demo-it').map((p) => p.tracking_id);
    deliveries.complete(deliveries.handOver('demo-it', scanner, reported).id);
    clock.advance(7 * DAY);
    expiry.sweep();
    const notice = expiry.openNotices()[0]!;
    const [first, second, third] = expiry.parcelsOf(notice.id);
    if (!first || !second || !third) throw new Error('the demo network announced fewer than three parcels');
    const view = () => expiredView(core, expiry.notice(notice.id));
    const total = view().parcels.length;

    expect(view().parcels.map((p) => p.status)).toEqual(Array(total).fill('to-scan'));
    expect(view().handled).toBe(0);
    expiry.scan(notice.id, first.tracking_id, scanner);
    expiry.cannotFind(notice.id, second.id, keyboard);
    const statuses = Object.fromEntries(view().parcels.map((p) => [p.trackingId, [p.status, p.state]]));
    expect(statuses[first.tracking_id]).toEqual(['scanned', 'return_scanned']);
    expect(statuses[second.tracking_id]).toEqual(['missing', 'missing']);
    expect(statuses[third.tracking_id]).toEqual(['to-scan', 'expired']);
    expect(view().handled).toBe(2);
  });

  it('leaves only an expired parcel to scan; every other state of a notice’s parcel is handled', () => {
    const table = PARCEL_STATES.map((state) => [state, expiredItemStatus(state)]);
    expect(table).toEqual([
      ['expected', 'resolved'],
      ['received', 'resolved'],
      ['picked_up', 'collected'],
      ['refused', 'resolved'],
      ['missing', 'missing'],
      ['expired', 'to-scan'],
      ['return_scanned', 'scanned'],
      ['returned', 'scanned'],
      ['damaged_refused', 'resolved'],
    ]);
    expect(expiredHandledCount(['to-scan', 'scanned', 'collected', 'missing', 'resolved', 'to-scan'])).toBe(4);
    expect(expiredHandledCount([])).toBe(0);
  });
});
