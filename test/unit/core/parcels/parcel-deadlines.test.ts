import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { demoParcel } from '../../../../main/core/networks/demo-network';
import { parcelDeadlines } from '../../../../main/core/parcels/parcel-deadlines';
import { ExpirySweepError } from '../../../../main/core/parcels/expiry';
import { DAY, keyboard, MINUTE, receiveAll, scanner, storeUnraisablePolicy, useCounter } from '../../../fixtures/counter';

const { start } = useCounter();

/** The counter's deadline sources as the running app wires them, and how often each told the screen. */
function sources(core: CounterCore, clock: Parameters<typeof parcelDeadlines>[1]) {
  let changed = 0;
  const list = parcelDeadlines(core.counter, clock, () => changed++);
  const byName = (name: string) => list.find((s) => s.name === name)!;
  return { list, byName, changed: () => changed };
}

describe('the parcel counter’s deadlines', () => {
  it('are four, each named for the scheduler’s log', async () => {
    const { core, clock } = await start();
    expect(sources(core, clock).list.map((s) => s.name)).toEqual([
      'parcel-expiry',
      'pickup-finish',
      'blocking-deadlines',
      'return-escalation',
    ]);
  });

  it('expiry: wakes when the first retention ends and tells the screen only when parcels expired', async () => {
    const { core, clock } = await start();
    const s = sources(core, clock);
    const expiry = s.byName('parcel-expiry');
    expect(expiry.nextAt(clock.now())).toBeUndefined();
    const [first] = receiveAll(core, 'demo-fr');
    expect(expiry.nextAt(clock.now())).toBe(first!.expires_at);
    await expiry.run(clock.now());
    expect(s.changed()).toBe(0);
    clock.set(first!.expires_at!);
    await expiry.run(clock.now());
    expect(s.changed()).toBe(1);
    expect(core.counter.parcels.byId(first!.id).state).toBe('expired');
  });

  it("expiry: when one network cannot be swept, tells the screen only if the other networks' parcels did expire", async () => {
    const { core, clock } = await start();
    const s = sources(core, clock);
    const expiry = s.byName('parcel-expiry');
    receiveAll(core, 'demo-it');
    const french = receiveAll(core, 'demo-fr');
    // A stored policy whose notice cannot be raised: every sweep of the Italian network fails.
    storeUnraisablePolicy(core, 'demo-it');
    clock.advance(7 * DAY);
    expect(() => expiry.run(clock.now())).toThrow(ExpirySweepError);
    expect(s.changed()).toBe(0);
    clock.advance(7 * DAY);
    expect(() => expiry.run(clock.now())).toThrow(expect.objectContaining({ expired: french.length }));
    expect(s.changed()).toBe(1);
  });

  it('pickup finish: tells the screen only when a hand-over was committed', async () => {
    const { core, clock } = await start();
    const s = sources(core, clock);
    const finish = s.byName('pickup-finish');
    receiveAll(core, 'demo-fr');
    const lone = demoParcel('demo-fr', 0);
    const pickup = core.counter.pickups.start(lone.pickupCode, keyboard);
    if (pickup.outcome !== 'found') throw new Error('not found');
    core.counter.pickups.scan(pickup.pickupId, lone.trackingId, scanner);
    await finish.run(clock.now());
    expect(s.changed()).toBe(0);
    clock.set(finish.nextAt(clock.now())!);
    await finish.run(clock.now());
    expect(s.changed()).toBe(1);
  });

  it('blocking and return escalation: wake at the intake deadline and at the escalation, and tell the screen then', async () => {
    const { core, clock } = await start();
    const s = sources(core, clock);
    const blocking = s.byName('blocking-deadlines');
    const escalation = s.byName('return-escalation');
    expect(blocking.nextAt(clock.now())).toBeUndefined();
    const delivery = core.counter.deliveries.handOver('demo-fr', scanner);
    expect(delivery.intake_deadline_at).toBe(clock.now() + 30 * MINUTE);
    expect(blocking.nextAt(clock.now())).toBe(delivery.intake_deadline_at);
    clock.set(delivery.intake_deadline_at!);
    await blocking.run(clock.now());
    expect(s.changed()).toBe(1);

    expect(escalation.nextAt(clock.now())).toBeUndefined();
    const lone = demoParcel('demo-fr', 0);
    core.counter.deliveries.scan(delivery.id, lone.trackingId, scanner);
    core.counter.deliveries.complete(delivery.id);
    const pickup = core.counter.pickups.start(lone.pickupCode, keyboard);
    if (pickup.outcome !== 'found') throw new Error('not found');
    const refusedAt = clock.now();
    core.counter.pickups.resolve(pickup.pickupId, core.counter.parcels.byTrackingId(lone.trackingId)!.id, 'refused', keyboard);
    expect(escalation.nextAt(clock.now())).toBe(refusedAt + 3 * DAY);
    clock.set(refusedAt + 3 * DAY);
    await escalation.run(clock.now());
    expect(s.changed()).toBe(2);
  });
});
