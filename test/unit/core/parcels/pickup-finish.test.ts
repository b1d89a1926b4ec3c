import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../../../../main/core/clock';
import type { CounterCore } from '../../../../main/core/counter-core';
import { demoParcel } from '../../../../main/core/networks/demo-network';
import { parcelDeadlines } from '../../../../main/core/parcels/parcel-deadlines';
import { FINISH_UNDO_MS } from '../../../../main/core/parcels/pickups';
import { keyboard, receiveAll, scanner, useCounter } from '../../../fixtures/counter';

const { start, restart } = useCounter();
const NETWORK = 'demo-fr';
/** Demo parcel 0 is the only parcel of its customer; parcels 1 and 2 share a customer. */
const lone = demoParcel(NETWORK, 0);

/** The lone customer's pickup, opened and its parcel scanned at the clock's time. */
async function scannedLonePickup() {
  const started = await start();
  receiveAll(started.core, NETWORK);
  const pickup = started.core.counter.pickups.start(lone.pickupCode, keyboard);
  if (pickup.outcome !== 'found') throw new Error('the lone customer has no pickup');
  const scannedAt = started.clock.now();
  expect(started.core.counter.pickups.scan(pickup.pickupId, lone.trackingId, scanner).outcome).toBe('scanned');
  return { ...started, pickupId: pickup.pickupId, scannedAt };
}

/** The scheduler's source that commits due hand-overs, as the running app wires it. */
function finishSource(core: CounterCore, clock: ManualClock) {
  const source = parcelDeadlines(core.counter, clock, () => {}).find((s) => s.name === 'pickup-finish');
  if (!source) throw new Error('no pickup-finish deadline source');
  return source;
}

const state = (core: CounterCore) => core.counter.parcels.byTrackingId(lone.trackingId)!.state;
const pickedUpEvents = (core: CounterCore) =>
  core.counter.ledger.history(core.counter.parcels.byTrackingId(lone.trackingId)!.id).filter((e) => e.toState === 'picked_up');

describe('a one-parcel pickup finishes on its own after the undo window', () => {
  it('commits the hand-over 3 s after the scan, not before, with the custody event written then', async () => {
    const { core, clock, pickupId, scannedAt } = await scannedLonePickup();
    const source = finishSource(core, clock);
    expect(FINISH_UNDO_MS).toBe(3_000);
    expect(core.counter.pickups.get(pickupId).finish_at).toBe(scannedAt + 3_000);
    expect(source.nextAt(clock.now())).toBe(scannedAt + 3_000);

    clock.advance(2_999);
    expect(core.counter.pickups.finishDue()).toBe(0);
    expect(state(core)).toBe('received');
    expect(pickedUpEvents(core)).toEqual([]);

    clock.advance(1);
    await source.run(clock.now());
    expect(state(core)).toBe('picked_up');
    expect(pickedUpEvents(core)).toMatchObject([{ at: scannedAt + 3_000, method: 'scanner', reason: 'collected' }]);
    expect(core.counter.pickups.get(pickupId).completed_at).toBe(scannedAt + 3_000);
    expect(source.nextAt(clock.now())).toBeUndefined();
  });

  it('undoes inside the window: nothing handed over, nothing in the custody log, the parcel to scan again', async () => {
    const { core, clock, pickupId } = await scannedLonePickup();
    const before = core.counter.ledger.history(core.counter.parcels.byTrackingId(lone.trackingId)!.id).length;
    clock.advance(2_999);
    core.counter.pickups.undoFinish(pickupId);
    expect(core.counter.pickups.get(pickupId)).toMatchObject({ finish_at: null, completed_at: null });
    expect(core.counter.pickups.items(pickupId).map((i) => i.scannedAt)).toEqual([null]);

    clock.advance(60_000);
    await finishSource(core, clock).run(clock.now());
    expect(state(core)).toBe('received');
    expect(core.counter.ledger.history(core.counter.parcels.byTrackingId(lone.trackingId)!.id)).toHaveLength(before);
    // A second scan opens a new window of its own.
    core.counter.pickups.scan(pickupId, lone.trackingId, scanner);
    expect(core.counter.pickups.get(pickupId).finish_at).toBe(clock.now() + 3_000);
  });

  it('refuses the undo once the window has closed, whether or not the finish has run yet', async () => {
    const { core, clock, pickupId } = await scannedLonePickup();
    clock.advance(3_000);
    expect(() => core.counter.pickups.undoFinish(pickupId)).toThrow(expect.objectContaining({ code: 'PICKUP_UNDO_CLOSED' }));
    expect(core.counter.pickups.get(pickupId).finish_at).not.toBeNull();
    expect(core.counter.pickups.finishDue()).toBe(1);
    expect(() => core.counter.pickups.undoFinish(pickupId)).toThrow(expect.objectContaining({ code: 'PICKUP_UNDO_CLOSED' }));
    expect(state(core)).toBe('picked_up');
    expect(pickedUpEvents(core)).toHaveLength(1);
  });

  it('lets Done inside the window commit at once, and the finish does not run twice', async () => {
    const { core, clock, pickupId, scannedAt } = await scannedLonePickup();
    clock.advance(1_000);
    core.counter.pickups.complete(pickupId, scanner);
    expect(pickedUpEvents(core)).toMatchObject([{ at: scannedAt + 1_000 }]);
    clock.advance(5_000);
    expect(core.counter.pickups.finishDue()).toBe(0);
    expect(pickedUpEvents(core)).toHaveLength(1);
  });

  it('refuses the undo after Done, even inside the window: the parcel has left', async () => {
    const { core, clock, pickupId } = await scannedLonePickup();
    core.counter.pickups.complete(pickupId, scanner);
    clock.advance(1_000);
    expect(() => core.counter.pickups.undoFinish(pickupId)).toThrow(expect.objectContaining({ code: 'PICKUP_UNDO_CLOSED' }));
    expect(core.counter.pickups.items(pickupId).map((i) => i.scannedAt)).not.toContain(null);
    expect(state(core)).toBe('picked_up');
  });

  it('stops the window when the customer refuses the parcel in it', async () => {
    const { core, clock, pickupId } = await scannedLonePickup();
    const parcel = core.counter.parcels.byTrackingId(lone.trackingId)!;
    core.counter.pickups.resolve(pickupId, parcel.id, 'refused', keyboard);
    clock.advance(10_000);
    expect(core.counter.pickups.finishDue()).toBe(0);
    expect(state(core)).toBe('refused');
  });

  it('opens no window for a customer with two parcels: Done finishes it', async () => {
    const { core } = await start();
    receiveAll(core, NETWORK);
    const pickup = core.counter.pickups.start(demoParcel(NETWORK, 1).pickupCode, keyboard);
    if (pickup.outcome !== 'found') throw new Error('not found');
    for (const n of [1, 2]) core.counter.pickups.scan(pickup.pickupId, demoParcel(NETWORK, n).trackingId, scanner);
    expect(core.counter.pickups.get(pickup.pickupId).finish_at).toBeNull();
    expect(core.counter.pickups.nextFinishAt()).toBeUndefined();
  });
});

describe('the undo window across a restart', () => {
  it('keeps the window when the app restarts inside it: the undo still works', async () => {
    const { core, clock, dir, pickupId, scannedAt } = await scannedLonePickup();
    clock.advance(1_500);
    const reopened = restart(core, dir, clock);
    expect(reopened.counter.pickups.get(pickupId).finish_at).toBe(scannedAt + 3_000);
    expect(finishSource(reopened, clock).nextAt(clock.now())).toBe(scannedAt + 3_000);
    reopened.counter.pickups.undoFinish(pickupId);
    clock.advance(10_000);
    expect(reopened.counter.pickups.finishDue()).toBe(0);
    expect(state(reopened)).toBe('received');
  });

  it('finishes the hand-over at start when the window closed while the app was down', async () => {
    const { core, clock, dir, pickupId } = await scannedLonePickup();
    clock.advance(60_000);
    const reopened = restart(core, dir, clock);
    const source = finishSource(reopened, clock);
    expect(source.nextAt(clock.now())).toBeLessThanOrEqual(clock.now());
    expect(() => reopened.counter.pickups.undoFinish(pickupId)).toThrow(expect.objectContaining({ code: 'PICKUP_UNDO_CLOSED' }));
    await source.run(clock.now());
    expect(state(reopened)).toBe('picked_up');
    expect(pickedUpEvents(reopened)).toMatchObject([{ at: clock.now() }]);
  });
});
