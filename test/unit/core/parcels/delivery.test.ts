import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../../main/core/errors';
import { DAY, HOUR, MINUTE, scanner, keyboard, useCounter } from '../../../fixtures/counter';
import { announced, scriptedNetwork, sendingOnce } from '../../../fixtures/manifest-network';

const { start, restart } = useCounter();

describe('driver delivery where the store scans (French policy)', () => {
  it('ticks announced parcels, suggests a slot, starts the retention, and counts', async () => {
    const { core, clock } = await start();
    const { deliveries } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    expect(delivery.intake_deadline_at).toBe(clock.now() + 30 * MINUTE);
    const list = deliveries.parcelsOf(delivery.id);
    expect(list.length).toBe(6);
    const first = list[0]!;
    const result = deliveries.scan(delivery.id, first.tracking_id.toLowerCase(), scanner);
    expect(result).toMatchObject({ outcome: 'received', unexpected: false, parcel: { state: 'received' } });
    if (result.outcome !== 'received') throw new Error('unreachable');
    expect(result.parcel.slot_id).toMatch(/^[ABC]\d$/);
    expect(result.parcel.expires_at).toBe(clock.now() + 14 * 24 * 60 * MINUTE);
    const events = core.counter.ledger.history(first.id);
    expect(events.at(-1)).toMatchObject({ fromState: 'expected', toState: 'received', method: 'scanner', slotId: result.parcel.slot_id });
  });

  it('changes nothing on a repeated scan', async () => {
    const { core } = await start();
    const { deliveries, ledger } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    const parcel = deliveries.parcelsOf(delivery.id)[0]!;
    deliveries.scan(delivery.id, parcel.tracking_id, scanner);
    const events = ledger.history(parcel.id).length;
    expect(deliveries.scan(delivery.id, parcel.tracking_id, scanner).outcome).toBe('already-scanned');
    expect(ledger.history(parcel.id).length).toBe(events);
  });

  it('adds an unexpected parcel, and refuses a label of another network', async () => {
    const { core } = await start();
    const { deliveries } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    const unexpected = deliveries.scan(delivery.id, 'QC9999999999', keyboard);
    expect(unexpected).toMatchObject({ outcome: 'received', unexpected: true, parcel: { tracking_id: 'QC9999999999' } });
    expect(deliveries.scan(delivery.id, 'IT0000000001', scanner)).toMatchObject({
      outcome: 'rejected',
      rejection: { reason: 'not-this-network' },
    });
    expect(deliveries.scan(delivery.id, 'QC123', keyboard)).toMatchObject({ outcome: 'rejected' });
  });

  it('refuses a damaged parcel: it never enters custody', async () => {
    const { core } = await start();
    const { deliveries, parcels } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    const parcel = deliveries.parcelsOf(delivery.id)[1]!;
    const refused = deliveries.refuseDamaged(delivery.id, parcel.tracking_id, scanner);
    expect(refused.state).toBe('damaged_refused');
    expect(refused.slot_id).toBeNull();
    expect(parcels.countInCustody('demo-fr')).toBe(0);
    expect(core.counter.ledger.history(parcel.id).at(-1)).toMatchObject({
      toState: 'damaged_refused',
      reason: 'damaged',
      actorId: 'counter',
      method: 'scanner',
      deliveryId: delivery.id,
    });
    expect(deliveries.scan(delivery.id, parcel.tracking_id, scanner)).toMatchObject({
      outcome: 'rejected',
      rejection: { reason: 'wrong-state', state: 'damaged_refused' },
    });
  });

  it('counts a parcel announced after the driver came, then refused as damaged, in that delivery', async () => {
    const { core } = await start();
    const { deliveries, parcels } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    await core.counter.pullManifest('demo-fr', scriptedNetwork([{ items: [announced('QC5555555555')], cursor: 'late' }]));
    expect(parcels.byTrackingId('QC5555555555', 'demo-fr')).toMatchObject({ state: 'expected', delivery_id: null });
    const refused = deliveries.refuseDamaged(delivery.id, 'QC5555555555', scanner);
    expect(refused).toMatchObject({ state: 'damaged_refused', delivery_id: delivery.id });
    expect(deliveries.parcelsOf(delivery.id).map((p) => p.tracking_id)).toContain('QC5555555555');
  });

  it("refuses to record a damaged parcel with another network's label, naming the field, and creates nothing", async () => {
    const { core } = await start();
    const { deliveries } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    const count = () => core.db.prepare('SELECT count(*) FROM parcels').pluck().get();
    const before = count();
    expect(() => deliveries.refuseDamaged(delivery.id, 'it0000000001', scanner)).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        issues: [{ field: 'trackingId', reason: 'notNetworkTracking', params: { trackingId: 'IT0000000001', network: 'Démo Relais FR' } }],
      }),
    );
    expect(count()).toBe(before);
  });

  it("takes in a parcel the network announced even when its ID does not fit the network's pattern", async () => {
    const { core } = await start();
    const { deliveries } = core.counter;
    core.db
      .prepare("UPDATE networks SET policy_json = json_set(policy_json, '$.trackingIdPattern', 'ZZ[0-9]{6}') WHERE id = 'demo-fr'")
      .run();
    const delivery = deliveries.handOver('demo-fr', scanner);
    const [announced, damaged] = deliveries.parcelsOf(delivery.id);
    expect(deliveries.scan(delivery.id, announced!.tracking_id, scanner)).toMatchObject({ outcome: 'received', unexpected: false });
    expect(deliveries.refuseDamaged(delivery.id, damaged!.tracking_id, scanner).state).toBe('damaged_refused');
    // An unknown code is judged by the pattern.
    expect(deliveries.scan(delivery.id, 'QC9999999999', scanner)).toMatchObject({
      outcome: 'rejected',
      rejection: { reason: 'not-this-network' },
    });
  });

  it("receives its own network's parcel when another network announced the same tracking ID later", async () => {
    const { core } = await start();
    const { deliveries, parcels } = core.counter;
    const french = parcels.inState(['expected'], 'demo-fr')[0]!;
    await core.counter.pullManifest(
      'demo-it',
      sendingOnce({ items: [{ trackingId: french.tracking_id, recipientName: 'Altro Cliente', size: 'small', pickupCode: '123456' }] }),
    );
    const italian = parcels.byTrackingId(french.tracking_id, 'demo-it')!;
    expect(italian.id).toBeGreaterThan(french.id);
    const delivery = deliveries.handOver('demo-fr', scanner);
    expect(deliveries.scan(delivery.id, french.tracking_id, scanner)).toMatchObject({ outcome: 'received', parcel: { id: french.id } });
    expect(parcels.byId(italian.id).state).toBe('expected');
  });

  it('rejects a parcel already received in an earlier delivery: it is on the shelf, not scanned twice', async () => {
    const { core } = await start();
    const { deliveries } = core.counter;
    const first = deliveries.handOver('demo-fr', scanner);
    const parcel = deliveries.parcelsOf(first.id)[0]!;
    deliveries.scan(first.id, parcel.tracking_id, scanner);
    deliveries.complete(first.id);
    const second = deliveries.handOver('demo-fr', scanner);
    expect(deliveries.scan(second.id, parcel.tracking_id, scanner)).toMatchObject({
      outcome: 'rejected',
      rejection: { reason: 'wrong-state', state: 'received' },
    });
  });

  it("rejects a parcel the network recalled before it came, with the network's reason", async () => {
    const { core } = await start();
    const { deliveries, parcels } = core.counter;
    const recalled = parcels.inState(['expected'], 'demo-fr')[0]!;
    await core.counter.pullManifest(
      'demo-fr',
      sendingOnce({ items: [], recalls: [{ trackingId: recalled.tracking_id, reason: 'Cancelled' }] }),
    );
    const delivery = deliveries.handOver('demo-fr', scanner);
    expect(deliveries.parcelsOf(delivery.id).map((p) => p.id)).not.toContain(recalled.id);
    expect(deliveries.scan(delivery.id, recalled.tracking_id, scanner)).toEqual({
      outcome: 'rejected',
      rejection: { reason: 'recalled', trackingId: recalled.tracking_id, note: 'Cancelled' },
    });
    expect(parcels.byId(recalled.id).state).toBe('expected');
  });

  it('lists the deliveries still open, and a closed one refuses further scans', async () => {
    const { core } = await start();
    const { deliveries } = core.counter;
    const french = deliveries.handOver('demo-fr', scanner);
    const italian = deliveries.handOver('demo-it', scanner, []);
    expect(deliveries.open().map((d) => d.id)).toEqual([french.id, italian.id]);
    deliveries.complete(french.id);
    expect(deliveries.open().map((d) => d.id)).toEqual([italian.id]);
    const parcel = deliveries.parcelsOf(french.id)[0];
    expect(() => deliveries.scan(french.id, parcel?.tracking_id ?? 'QC0000000000', scanner)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'alreadyDone' }),
    );
  });

  it('allows one postpone, not two, and none after the window', async () => {
    const { core, clock } = await start();
    const { deliveries } = core.counter;
    const reasonOf = (act: () => unknown) => {
      try {
        act();
      } catch (e) {
        return e instanceof CoreError ? e.reason : e;
      }
      return 'allowed';
    };
    const delivery = deliveries.handOver('demo-fr', scanner);
    expect(deliveries.postpone(delivery.id).postpones_used).toBe(1);
    expect(reasonOf(() => deliveries.postpone(delivery.id))).toBe('alreadyPostponed');
    const other = deliveries.handOver('demo-it', scanner);
    expect(reasonOf(() => deliveries.postpone(other.id))).toBe('noIntakeDeadline');
    // A completed intake cannot be postponed at all.
    deliveries.complete(delivery.id);
    expect(reasonOf(() => deliveries.postpone(delivery.id))).toBe('alreadyDone');
    // The window's last millisecond still allows it; at the deadline itself it is too late.
    const late = deliveries.handOver('demo-fr', scanner);
    expect(late.id).not.toBe(delivery.id);
    clock.set(late.intake_deadline_at!);
    expect(reasonOf(() => deliveries.postpone(late.id))).toBe('intakeWindowPassed');
    expect(deliveries.get(late.id).postpones_used).toBe(0);
    deliveries.complete(late.id);
    const edge = deliveries.handOver('demo-fr', scanner);
    clock.set(edge.intake_deadline_at! - 1);
    expect(reasonOf(() => deliveries.postpone(edge.id))).toBe('allowed');
  });

  it('blocks the counter once 30 minutes pass with parcels unscanned, and unblocks when done', async () => {
    const { core, clock } = await start();
    const { deliveries, blocking } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    clock.advance(30 * MINUTE - 1);
    expect(blocking.current()).toBeUndefined();
    clock.advance(1);
    expect(blocking.current()).toEqual({
      kind: 'intake',
      deliveryId: delivery.id,
      networkId: 'demo-fr',
      deadlineAt: delivery.intake_deadline_at,
    });
    for (const parcel of deliveries.parcelsOf(delivery.id)) deliveries.scan(delivery.id, parcel.tracking_id, scanner);
    expect(blocking.current()).toBeUndefined();
  });

  it('unblocks when staff close the intake; unscanned parcels go back to the announced list', async () => {
    const { core, clock } = await start();
    const { deliveries, blocking } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    deliveries.scan(delivery.id, deliveries.parcelsOf(delivery.id)[0]!.tracking_id, scanner);
    clock.advance(45 * MINUTE);
    expect(blocking.current()?.kind).toBe('intake');
    expect(deliveries.complete(delivery.id).notDelivered).toBe(5);
    expect(blocking.current()).toBeUndefined();
    expect(core.counter.parcels.inState(['expected'], 'demo-fr')).toHaveLength(5);
  });

  it('keeps the window across a restart in the middle of it', async () => {
    const { core, clock, dir } = await start();
    const delivery = core.counter.deliveries.handOver('demo-fr', scanner);
    clock.advance(20 * MINUTE);
    const reopened = restart(core, dir, clock);
    expect(reopened.counter.blocking.current()).toBeUndefined();
    expect(reopened.counter.blocking.deadlines()[0]).toMatchObject({ kind: 'intake', deadlineAt: delivery.intake_deadline_at });
    clock.advance(10 * MINUTE);
    expect(reopened.counter.blocking.current()).toMatchObject({ kind: 'intake', deliveryId: delivery.id });
  });

  it('warns over capacity and tells the network through the outbox', async () => {
    const { core, clock } = await start();
    const { deliveries } = core.counter;
    core.db.prepare("UPDATE networks SET policy_json = json_set(policy_json, '$.capacity', 5) WHERE id = 'demo-fr'").run();
    const delivery = deliveries.handOver('demo-fr', scanner);
    const results = deliveries.parcelsOf(delivery.id).map((p) => deliveries.scan(delivery.id, p.tracking_id, scanner));
    expect(results.map((r) => r.outcome === 'received' && r.overCapacity)).toEqual([false, false, false, false, false, true]);
    // Each parcel over capacity tells the network again, with the capacity and when.
    expect(deliveries.scan(delivery.id, 'QC9999999999', scanner)).toMatchObject({ outcome: 'received', overCapacity: true });
    const warnings = core.db.prepare("SELECT payload_json FROM outbox WHERE kind = 'capacity' ORDER BY id").pluck().all() as string[];
    expect(warnings.map((w) => JSON.parse(w))).toEqual([
      { capacity: 5, at: clock.now() },
      { capacity: 5, at: clock.now() },
    ]);
  });

  it('offers matching tracking IDs after three typed characters', async () => {
    const { core } = await start();
    const { deliveries } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    const target = deliveries.parcelsOf(delivery.id)[2]!.tracking_id;
    expect(deliveries.suggest(delivery.id, target.slice(2, 4))).toEqual([]);
    expect(deliveries.suggest(delivery.id, target.slice(5, 9).toLowerCase())).toContain(target);
    expect(deliveries.suggest(delivery.id, target.slice(-3))).toContain(target);
    // Only what is still to scan, and only what matches.
    deliveries.scan(delivery.id, target, scanner);
    expect(deliveries.suggest(delivery.id, target)).toEqual([]);
    expect(deliveries.suggest(delivery.id, 'ZZZZZZ')).toEqual([]);
  });

  it('offers at most eight tracking IDs, in order', async () => {
    const { core } = await start();
    const ids = Array.from({ length: 10 }, (_, i) => `QC70000000${String(i).padStart(2, '0')}`);
    const items = ids.map((trackingId) => ({ trackingId, recipientName: 'Camille Martin', size: 'small' as const, pickupCode: '222222' }));
    await core.counter.pullManifest('demo-fr', sendingOnce({ items }));
    const { deliveries } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    expect(deliveries.suggest(delivery.id, '70 00')).toEqual(ids.slice(0, 8));
  });
});

describe('driver delivery where the driver scans (Italian policy)', () => {
  it('receives only the parcels the network reported as delivered, not every announced one', async () => {
    const { core } = await start();
    const { deliveries } = core.counter;
    const announced = core.counter.parcels.inState(['expected'], 'demo-it');
    expect(announced.length).toBeGreaterThan(3);
    const brought = announced.slice(0, 2).map((p) => p.tracking_id);
    const delivery = deliveries.handOver('demo-it', scanner, brought);
    expect(deliveries.parcelsOf(delivery.id).map((p) => [p.tracking_id, p.state])).toEqual(brought.sort().map((t) => [t, 'received']));

    // "Scan parcels now" on the QR screen: no report, so nothing more is received, and the rest is still expected.
    const again = deliveries.handOver('demo-it', scanner);
    expect(again.id).toBe(delivery.id);
    expect(
      deliveries
        .parcelsOf(delivery.id)
        .map((p) => p.tracking_id)
        .sort(),
    ).toEqual(brought.sort());
    expect(core.counter.parcels.inState(['expected'], 'demo-it').map((p) => p.tracking_id)).toEqual(
      announced.slice(2).map((p) => p.tracking_id),
    );
    // A parcel the driver did bring but the network did not report is taken in by scanning it.
    const extra = announced[2]!.tracking_id;
    expect(deliveries.scan(delivery.id, extra, scanner)).toMatchObject({ outcome: 'received', unexpected: true });
  });

  it('receives the reported parcels at handover, with no window to block on', async () => {
    const { core, clock } = await start();
    const { deliveries, blocking } = core.counter;
    const reported = core.counter.parcels.inState(['expected'], 'demo-it').map((p) => p.tracking_id);
    const delivery = deliveries.handOver('demo-it', scanner, reported);
    expect(delivery.intake_deadline_at).toBeNull();
    const parcels = deliveries.parcelsOf(delivery.id);
    expect(parcels.every((p) => p.state === 'received' && p.slot_id !== null)).toBe(true);
    expect(core.counter.ledger.history(parcels[0]!.id).at(-1)).toMatchObject({ method: 'system', reason: 'driver-scanned' });
    clock.advance(5 * 60 * MINUTE);
    expect(blocking.current()).toBeUndefined();
  });

  it('leaves a reported parcel that is already in the shop as it is: its delivery, its slot, its custody log', async () => {
    const { core } = await start();
    const { deliveries, parcels, ledger } = core.counter;
    const [first, second] = parcels.inState(['expected'], 'demo-it');
    const earlier = deliveries.handOver('demo-it', scanner, [first!.tracking_id]);
    deliveries.complete(earlier.id);
    const before = parcels.byId(first!.id);
    const events = ledger.history(first!.id).length;

    // The next driver's report names it again, with a parcel that is new.
    const later = deliveries.handOver('demo-it', scanner, [first!.tracking_id, second!.tracking_id]);
    expect(later.id).not.toBe(earlier.id);
    expect(parcels.byId(first!.id)).toEqual(before);
    expect(ledger.history(first!.id)).toHaveLength(events);
    expect(deliveries.parcelsOf(later.id).map((p) => [p.tracking_id, p.state])).toEqual([[second!.tracking_id, 'received']]);
  });
});

describe('the usual network at this time of day', () => {
  it('is the network of the latest delivery within an hour of this time of day in the last 4 weeks', async () => {
    const { core, clock } = await start();
    const { deliveries } = core.counter;
    const day = 24 * 60 * MINUTE;
    expect(deliveries.usualNetworkAt(clock.now())).toBeUndefined();
    const first = deliveries.handOver('demo-fr', scanner);
    deliveries.complete(first.id);
    clock.advance(3 * 60 * MINUTE);
    const later = deliveries.handOver('demo-it', scanner, []);
    deliveries.complete(later.id);
    // The next day, 40 minutes after the French driver's time: the French network.
    clock.set(first.handed_over_at + day + 40 * MINUTE);
    expect(deliveries.usualNetworkAt(clock.now())).toBe('demo-fr');
    // At the Italian driver's time: the Italian one.
    clock.set(later.handed_over_at + day - 20 * MINUTE);
    expect(deliveries.usualNetworkAt(clock.now())).toBe('demo-it');
    // Two hours from both: none; five weeks later: forgotten.
    clock.set(first.handed_over_at + day - 2 * 60 * MINUTE);
    expect(deliveries.usualNetworkAt(clock.now())).toBeUndefined();
    clock.set(first.handed_over_at + 35 * day);
    expect(deliveries.usualNetworkAt(clock.now())).toBeUndefined();
  });
});

describe("the usual network near midnight and at the hour's edge", () => {
  it('counts a delivery across midnight, and one exactly an hour from now, not a millisecond more', async () => {
    const { core, clock } = await start();
    const { deliveries } = core.counter;
    const midnight = Date.UTC(2026, 10, 25);
    clock.set(midnight - 20 * MINUTE);
    const late = deliveries.handOver('demo-fr', scanner);
    deliveries.complete(late.id);
    // The next night at 00:20: forty minutes after the driver's 23:40.
    clock.set(midnight + DAY + 20 * MINUTE);
    expect(deliveries.usualNetworkAt(clock.now())).toBe('demo-fr');
    expect(deliveries.usualNetworkAt(late.handed_over_at + DAY - HOUR)).toBe('demo-fr');
    expect(deliveries.usualNetworkAt(late.handed_over_at + DAY - HOUR - 1)).toBeUndefined();
  });
});

describe('shelf slots', () => {
  it('fill the emptiest shelf of the size, then a larger one', async () => {
    const { core } = await start();
    const { slots } = core.counter;
    slots.configure([
      { id: 'S1', size: 'small', capacity: 1 },
      { id: 'S2', size: 'small', capacity: 2 },
      { id: 'M1', size: 'medium', capacity: 1 },
    ]);
    const delivery = core.counter.deliveries.handOver('demo-fr', scanner);
    core.db.prepare("UPDATE parcels SET size = 'small' WHERE delivery_id = ?").run(delivery.id);
    const placed = core.counter.deliveries
      .parcelsOf(delivery.id)
      .slice(0, 5)
      .map((p) => {
        const r = core.counter.deliveries.scan(delivery.id, p.tracking_id, scanner);
        return r.outcome === 'received' ? r.parcel.slot_id : 'rejected';
      });
    // S1 and S2 tie empty (S1 first), S2 is then emptier than full S1, then medium M1, then nothing left.
    expect(placed).toEqual(['S1', 'S2', 'S2', 'M1', null]);
  });
});
