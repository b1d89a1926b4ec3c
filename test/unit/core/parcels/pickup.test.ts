import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { demoParcel } from '../../../../main/core/networks/demo-network';
import { DAY, keyboard, receiveAll, scanner, useCounter } from '../../../fixtures/counter';
import { scriptedNetwork } from '../../../fixtures/manifest-network';

const { start } = useCounter();

/** Demo parcels 1 and 2 belong to the same customer and share a code. */
const twoParcelCustomer = () => ({
  code: demoParcel('demo-fr', 1).pickupCode,
  tracking: [demoParcel('demo-fr', 1).trackingId, demoParcel('demo-fr', 2).trackingId],
});

/** Every demo-fr parcel received, then the two-parcel customer's pickup opened by the typed code. */
function twoParcelPickup(core: CounterCore) {
  receiveAll(core, 'demo-fr');
  const { code, tracking } = twoParcelCustomer();
  const started = core.counter.pickups.start(code, keyboard);
  if (started.outcome !== 'found') throw new Error('the two-parcel customer has no pickup');
  return { started, tracking };
}

describe('customer pickup', () => {
  it('finds the customer’s parcels by the typed code, with size and slot', async () => {
    const { core } = await start();
    receiveAll(core, 'demo-fr');
    const { code, tracking } = twoParcelCustomer();
    const started = core.counter.pickups.start(code, keyboard);
    expect(started.outcome).toBe('found');
    if (started.outcome !== 'found') return;
    const items = core.counter.pickups.items(started.pickupId);
    expect(items.map((i) => i.parcel.tracking_id).sort()).toEqual([...tracking].sort());
    expect(items.every((i) => i.parcel.slot_id !== null && ['small', 'medium', 'large'].includes(i.parcel.size))).toBe(true);
  });

  it('does not store the code in clear', async () => {
    const { core } = await start();
    const { code } = twoParcelCustomer();
    const dump = JSON.stringify(core.db.prepare('SELECT * FROM parcels').all());
    expect(dump).not.toContain(code);
  });

  it('hands over the scanned parcels, refuses another customer’s, and records not found and refused', async () => {
    const { core } = await start();
    receiveAll(core, 'demo-fr');
    const { code, tracking } = twoParcelCustomer();
    const started = core.counter.pickups.start(code, scanner, 'demo-fr');
    if (started.outcome !== 'found') throw new Error('not found');
    const { pickups, parcels } = core.counter;
    const other = demoParcel('demo-fr', 0).trackingId;
    expect(pickups.scan(started.pickupId, other, scanner)).toEqual({
      outcome: 'rejected',
      rejection: { reason: 'other-customer', trackingId: other },
    });
    expect(pickups.scan(started.pickupId, tracking[0]!, scanner).outcome).toBe('scanned');
    expect(pickups.scan(started.pickupId, tracking[0]!, scanner).outcome).toBe('already-scanned');
    const second = parcels.byTrackingId(tracking[1]!)!;
    expect(pickups.resolve(started.pickupId, second.id, 'refused', keyboard).state).toBe('refused');
    const { handedOver } = pickups.complete(started.pickupId, scanner);
    expect(handedOver.map((p) => [p.tracking_id, p.state, p.slot_id])).toEqual([[tracking[0], 'picked_up', null]]);
    expect(core.counter.ledger.history(handedOver[0]!.id).at(-1)).toMatchObject({ toState: 'picked_up', method: 'scanner' });
    expect(core.counter.returns.waiting('demo-fr').map((p) => p.tracking_id)).toEqual([tracking[1]]);
    // Once picked up, a second scan says so.
    const again = core.counter.pickups.start(demoParcel('demo-fr', 0).pickupCode, keyboard);
    if (again.outcome !== 'found') throw new Error('not found');
    expect(pickups.scan(again.pickupId, tracking[0]!, scanner)).toMatchObject({
      outcome: 'rejected',
      rejection: { reason: 'wrong-state', state: 'picked_up' },
    });
  });

  it('lets a customer still collect an expired parcel that has not left', async () => {
    const { core, clock } = await start();
    receiveAll(core, 'demo-fr');
    clock.advance(14 * DAY);
    core.counter.expiry.sweep();
    const { code, tracking } = twoParcelCustomer();
    const started = core.counter.pickups.start(code, keyboard);
    if (started.outcome !== 'found') throw new Error('not found');
    core.counter.pickups.scan(started.pickupId, tracking[0]!, scanner);
    core.counter.pickups.scan(started.pickupId, tracking[1]!, scanner);
    expect(core.counter.pickups.complete(started.pickupId, scanner).handedOver.map((p) => p.state)).toEqual(['picked_up', 'picked_up']);
  });

  it('marks a parcel not found as missing', async () => {
    const { core } = await start();
    const { started, tracking } = twoParcelPickup(core);
    const parcel = core.counter.parcels.byTrackingId(tracking[0]!)!;
    expect(core.counter.pickups.resolve(started.pickupId, parcel.id, 'not-found', keyboard).state).toBe('missing');
  });
});

describe('a pickup that is done', () => {
  it('takes no more scans, resolutions or a second Done', async () => {
    const { core } = await start();
    const { started, tracking } = twoParcelPickup(core);
    const { pickups, parcels } = core.counter;
    pickups.scan(started.pickupId, tracking[0]!, scanner);
    pickups.complete(started.pickupId, scanner);
    const second = parcels.byTrackingId(tracking[1]!)!;
    for (const act of [
      () => pickups.scan(started.pickupId, tracking[1]!, scanner),
      () => pickups.resolve(started.pickupId, second.id, 'not-found', keyboard),
      () => pickups.complete(started.pickupId, scanner),
    ])
      expect(act).toThrow(expect.objectContaining({ code: 'CONFLICT', reason: 'alreadyDone' }));
    expect(parcels.byTrackingId(tracking[1]!)!.state).toBe(second.state);
  });

  it('offers the customer’s parcels still to scan after three typed characters', async () => {
    const { core } = await start();
    const { started, tracking } = twoParcelPickup(core);
    const { pickups } = core.counter;
    const [first, second] = tracking as [string, string];
    expect(pickups.suggest(started.pickupId, first.slice(-2))).toEqual([]);
    expect(pickups.suggest(started.pickupId, first.slice(-3).toLowerCase())).toEqual([first]);
    expect(pickups.suggest(started.pickupId, demoParcel('demo-fr', 0).trackingId)).toEqual([]);
    pickups.scan(started.pickupId, first, scanner);
    expect(pickups.suggest(started.pickupId, first)).toEqual([]);
    expect(pickups.suggest(started.pickupId, second)).toEqual([second]);
  });

  it('refuses a code that is not exactly six digits before looking anything up', async () => {
    const { core } = await start();
    for (const code of ['1234567', '12345', 'a12345', '123456a', ' 123456', '１２３４５６'])
      expect(() => core.counter.pickups.start(code, keyboard), code).toThrow(
        expect.objectContaining({ code: 'BAD_INPUT', issues: [{ field: 'code', reason: 'pickupCodeDigits' }] }),
      );
    expect(core.db.prepare('SELECT count(*) AS n FROM pickup_attempts').get()).toEqual({ n: 0 });
  });
});

describe('a pickup where a scanned parcel is then refused', () => {
  it('hands over only what can still be collected, and the refused one waits for return', async () => {
    const { core } = await start();
    const { started, tracking } = twoParcelPickup(core);
    const { pickups, parcels } = core.counter;
    for (const t of tracking) pickups.scan(started.pickupId, t, scanner);
    const refused = parcels.byTrackingId(tracking[1]!)!;
    pickups.resolve(started.pickupId, refused.id, 'refused', keyboard);
    const { handedOver } = pickups.complete(started.pickupId, scanner);
    expect(handedOver.map((p) => p.tracking_id)).toEqual([tracking[0]]);
    expect(parcels.byId(refused.id).state).toBe('refused');
  });
});

describe('a customer whose parcels the network recalled', () => {
  const recall = (core: CounterCore, cursor: string, trackingId: string) =>
    core.counter.pull('demo-fr', scriptedNetwork([{ items: [], recalls: [{ trackingId, reason: 'Sender asked' }], cursor }]));

  it('opens a pickup with only the parcels not recalled, and refuses the recalled one at the scan', async () => {
    const { core } = await start();
    receiveAll(core, 'demo-fr');
    const { code, tracking } = twoParcelCustomer();
    await recall(core, 'one', tracking[1]!);
    const started = core.counter.pickups.start(code, keyboard);
    if (started.outcome !== 'found') throw new Error(`the customer's other parcel should open, got ${started.outcome}`);
    expect(core.counter.pickups.items(started.pickupId).map((i) => i.parcel.tracking_id)).toEqual([tracking[0]]);
    expect(core.counter.pickups.scan(started.pickupId, tracking[1]!, scanner)).toEqual({
      outcome: 'rejected',
      rejection: { reason: 'recalled', trackingId: tracking[1], note: 'Sender asked' },
    });
  });

  it('says the code is right but everything went back, without spending a wrong code', async () => {
    const { core } = await start();
    receiveAll(core, 'demo-fr');
    const { code, tracking } = twoParcelCustomer();
    await recall(core, 'one', tracking[0]!);
    await recall(core, 'two', tracking[1]!);
    expect(core.counter.pickups.start(code, keyboard)).toEqual({ outcome: 'recalled', trackingIds: [...tracking].sort() });
    expect(core.db.prepare('SELECT outcome FROM pickup_attempts ORDER BY id DESC LIMIT 1').pluck().get()).toBe('matched');
  });
});

describe('a parcel resolved during the pickup', () => {
  it('cannot be scanned afterwards: not found stays missing', async () => {
    const { core } = await start();
    const { started, tracking } = twoParcelPickup(core);
    const missing = core.counter.parcels.byTrackingId(tracking[0]!)!;
    core.counter.pickups.resolve(started.pickupId, missing.id, 'not-found', keyboard);
    expect(core.counter.pickups.scan(started.pickupId, tracking[0]!, scanner)).toMatchObject({
      outcome: 'rejected',
      rejection: { reason: 'wrong-state', state: 'missing' },
    });
    expect(core.counter.pickups.complete(started.pickupId, scanner).handedOver).toEqual([]);
  });

  it('refused: waits for return from that moment, so the escalation counts from it', async () => {
    const { core, clock } = await start();
    const { started, tracking } = twoParcelPickup(core);
    clock.advance(90_000);
    const refused = core.counter.parcels.byTrackingId(tracking[0]!)!;
    expect(core.counter.pickups.resolve(started.pickupId, refused.id, 'refused', keyboard)).toMatchObject({
      state: 'refused',
      return_ready_at: clock.now(),
    });
  });
});
