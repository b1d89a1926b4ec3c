import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { demoParcel } from '../../../../main/core/networks/demo-network';
import { PickupCodeHasher } from '../../../../main/core/parcels/pickup-codes';
import { Pickups } from '../../../../main/core/parcels/pickups';
import { DAY, HOUR, keyboard, receiveAll, scanner, useCounter } from '../../../fixtures/counter';

const { start } = useCounter();

/** Demo parcels 1 and 2 of demo-fr belong to one customer. */
const customer = {
  code: demoParcel('demo-fr', 1).pickupCode,
  tracking: [demoParcel('demo-fr', 1).trackingId, demoParcel('demo-fr', 2).trackingId],
};

function openPickup(core: CounterCore, code = customer.code): number {
  const started = core.counter.pickups.start(code, keyboard);
  if (started.outcome !== 'found') throw new Error(`expected the code to open a pickup, got ${started.outcome}`);
  return started.pickupId;
}

function lastOutbox(core: CounterCore, trackingId: string): { kind: string; payload: Record<string, unknown> } {
  const rows = core.db
    .prepare<[], { kind: string; payload_json: string }>("SELECT kind, payload_json FROM outbox WHERE kind = 'custody' ORDER BY id")
    .all()
    .map((r) => ({ kind: r.kind, payload: JSON.parse(r.payload_json) as Record<string, unknown> }))
    .filter((r) => r.payload.trackingId === trackingId);
  return rows.at(-1)!;
}

describe('pickup "Done"', () => {
  it('hands over only what was scanned: an unscanned parcel stays received, in custody, with no hand-over event', async () => {
    const { core } = await start();
    receiveAll(core, 'demo-fr');
    const pickupId = openPickup(core);
    const [scanned, untouched] = customer.tracking as [string, string];
    core.counter.pickups.scan(pickupId, scanned, scanner);
    const before = core.counter.parcels.byTrackingId(untouched)!;
    const { handedOver } = core.counter.pickups.complete(pickupId, scanner);
    expect(handedOver.map((p) => p.tracking_id)).toEqual([scanned]);
    const after = core.counter.parcels.byTrackingId(untouched)!;
    expect(after).toMatchObject({ state: 'received', slot_id: before.slot_id });
    expect(core.counter.ledger.history(after.id).map((e) => e.toState)).not.toContain('picked_up');
    expect(lastOutbox(core, untouched).payload.to).toBe('received');
    expect(core.inventory.rows({}).map((p) => p.tracking_id)).toContain(untouched);
  });
});

describe('pickup code matching', () => {
  it('answers "wrong code" to a code whose hash shares all but its last byte with a real one', async () => {
    const { core, clock } = await start();
    receiveAll(core, 'demo-fr');
    const real = new PickupCodeHasher(core.db, clock);
    const guess = customer.code === '999999' ? '999998' : '999999';
    // The guess hashes to the real code's hash with only the last byte changed.
    const nearMiss = {
      hash(code: string): Buffer {
        if (code !== guess) return real.hash(code);
        const hash = Buffer.from(real.hash(customer.code));
        hash.writeUInt8(hash.readUInt8(hash.length - 1) ^ 0xff, hash.length - 1);
        return hash;
      },
    } as PickupCodeHasher;
    const { counter } = core;
    const pickups = new Pickups(core.db, clock, counter.parcels, counter.ledger, nearMiss, counter.throttle, counter.pickupBarcodes);
    expect(pickups.start(guess, keyboard).outcome).toBe('wrong-code');
    expect(pickups.start(customer.code, keyboard).outcome).toBe('found');
  });
});

describe('every resolve path leaves its custody event and tells the network', () => {
  it('not found and refused at pickup, cannot find at the expired scan', async () => {
    const { core, clock } = await start();
    receiveAll(core, 'demo-fr');
    receiveAll(core, 'demo-it');
    const { counter } = core;
    const pickupId = openPickup(core);
    const [lost, refused] = customer.tracking.map((t) => counter.parcels.byTrackingId(t)!) as [
      NonNullable<ReturnType<typeof counter.parcels.byTrackingId>>,
      NonNullable<ReturnType<typeof counter.parcels.byTrackingId>>,
    ];
    counter.pickups.resolve(pickupId, lost.id, 'not-found', keyboard);
    counter.pickups.resolve(pickupId, refused.id, 'refused', keyboard);
    expect(counter.ledger.history(lost.id).at(-1)).toMatchObject({
      fromState: 'received',
      toState: 'missing',
      reason: 'not-found-at-pickup',
    });
    expect(lastOutbox(core, lost.tracking_id).payload).toMatchObject({ from: 'received', to: 'missing', reason: 'not-found-at-pickup' });
    expect(counter.ledger.history(refused.id).at(-1)).toMatchObject({
      fromState: 'received',
      toState: 'refused',
      reason: 'refused-by-customer',
    });
    expect(lastOutbox(core, refused.tracking_id).payload).toMatchObject({ from: 'received', to: 'refused', reason: 'refused-by-customer' });

    clock.advance(7 * DAY);
    counter.expiry.sweep();
    const notice = counter.expiry.openNotices().find((n) => n.network_id === 'demo-it')!;
    const gone = counter.expiry.parcelsOf(notice.id)[0]!;
    clock.advance(HOUR);
    counter.expiry.cannotFind(notice.id, gone.id, keyboard);
    expect(counter.ledger.history(gone.id).at(-1)).toMatchObject({
      fromState: 'expired',
      toState: 'missing',
      reason: 'not-found-at-expired-scan',
      at: clock.now(),
    });
    expect(lastOutbox(core, gone.tracking_id).payload).toMatchObject({
      from: 'expired',
      to: 'missing',
      reason: 'not-found-at-expired-scan',
      at: clock.now(),
    });
  });
});

describe('custody and outbox in one transaction', () => {
  it('rolls the state change and the custody event back when the outbox row cannot be written', async () => {
    const { core } = await start();
    const { db, counter } = core;
    const delivery = counter.deliveries.handOver('demo-fr', scanner);
    const parcel = counter.deliveries.parcelsOf(delivery.id)[0]!;
    const outboxBefore = db.prepare('SELECT count(*) AS n FROM outbox').pluck().get();
    // A full disk or a broken row, simulated: the outbox refuses this one insert.
    db.exec(`CREATE TEMP TRIGGER outbox_refuses BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox full'); END`);
    expect(() => counter.deliveries.scan(delivery.id, parcel.tracking_id, scanner)).toThrow(/outbox full/);
    db.exec('DROP TRIGGER outbox_refuses');
    expect(counter.parcels.byId(parcel.id)).toMatchObject({ state: 'expected', received_at: null, slot_id: null });
    expect(counter.ledger.history(parcel.id).map((e) => e.toState)).toEqual(['expected']);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').pluck().get()).toBe(outboxBefore);
    // Nothing was half-written: the same scan goes through once the outbox takes rows again.
    expect(counter.deliveries.scan(delivery.id, parcel.tracking_id, scanner).outcome).toBe('received');
  });
});
