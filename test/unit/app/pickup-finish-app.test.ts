import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PickupView } from '../../../main/api/parcels/schemas';
import { startCounterApp, type CounterApp } from '../../../main/app/start';
import { ManualClock } from '../../../main/core/clock';
import { demoParcel } from '../../../main/core/networks/demo-network';
import { TEST_START } from '../../fixtures/core';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const running: CounterApp[] = [];
afterEach(() => running.splice(0).forEach((app) => app.close()));

/** Demo parcel 0 of the Italian network is the only parcel of its customer. */
const lone = demoParcel('demo-it', 0);

function open(dataDir: string, clock: ManualClock): CounterApp {
  const app = startCounterApp({ dataDir, clock, version: 'x', log: () => {} });
  running.push(app);
  return app;
}

async function call<T>(app: CounterApp, name: string, input?: unknown): Promise<T> {
  const envelope = await app.router.dispatch(name, input);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.value as T;
}

/** The driver brings the lone parcel; the customer's pickup is opened and its parcel scanned. */
async function loneParcelScanned(app: CounterApp): Promise<PickupView> {
  await vi.waitFor(() => expect(app.core!.counter.parcels.byTrackingId(lone.trackingId)).toBeDefined());
  const delivery = await call<{ id: number }>(app, 'training.driverArrives', { networkId: 'demo-it', count: 3 });
  await call(app, 'delivery.complete', { deliveryId: delivery.id });
  const started = await call<{ outcome: string; pickup: PickupView }>(app, 'pickup.start', { code: lone.pickupCode, method: 'keyboard' });
  expect(started.pickup.items).toHaveLength(1);
  const scanned = await call<{ pickup: PickupView }>(app, 'pickup.scan', {
    pickupId: started.pickup.id,
    trackingId: lone.trackingId,
    method: 'scanner',
  });
  return scanned.pickup;
}

/** The lone parcel scanned, then the app stopped inside the window. */
async function scannedThenStopped(): Promise<{ clock: ManualClock; dir: string; pickup: PickupView }> {
  const clock = new ManualClock(TEST_START);
  const dir = tempDir();
  const first = open(dir, clock);
  const pickup = await loneParcelScanned(first);
  first.close();
  running.splice(running.indexOf(first), 1);
  return { clock, dir, pickup };
}

describe('the one-parcel pickup in the running app', () => {
  it('is committed by the scheduler when the 3 s pass; an undo after that is refused with its code', async () => {
    const clock = new ManualClock(TEST_START);
    const app = open(tempDir(), clock);
    const pickup = await loneParcelScanned(app);
    expect(pickup).toMatchObject({ completedAt: null, finishAt: clock.now() + 3_000 });

    clock.advance(2_999);
    await app.poke();
    expect(await call<PickupView>(app, 'pickup.get', { pickupId: pickup.id })).toMatchObject({ completedAt: null });
    clock.advance(1);
    await app.poke();
    const finished = await call<PickupView>(app, 'pickup.get', { pickupId: pickup.id });
    expect(finished).toMatchObject({
      completedAt: clock.now(),
      finishAt: null,
      items: [{ status: 'handed-over', parcel: { state: 'picked_up' } }],
    });
    await expect(call(app, 'pickup.undoFinish', { pickupId: pickup.id })).rejects.toMatchObject({ code: 'PICKUP_UNDO_CLOSED' });
  });

  it('is undone through the contract inside the window, and shows the window again after a restart inside it', async () => {
    const { clock, dir, pickup } = await scannedThenStopped();

    clock.advance(2_000);
    const second = open(dir, clock);
    await second.poke();
    expect(await call<PickupView>(second, 'pickup.get', { pickupId: pickup.id })).toMatchObject({
      completedAt: null,
      finishAt: pickup.finishAt,
    });
    const undone = await call<PickupView>(second, 'pickup.undoFinish', { pickupId: pickup.id });
    expect(undone).toMatchObject({ completedAt: null, finishAt: null, items: [{ status: 'to-scan', parcel: { state: 'received' } }] });
    clock.advance(10_000);
    await second.poke();
    expect(await call<PickupView>(second, 'pickup.get', { pickupId: pickup.id })).toMatchObject({
      completedAt: null,
      items: [{ parcel: { state: 'received' } }],
    });
  });

  it('is committed at start when the window closed while the app was down', async () => {
    const { clock, dir, pickup } = await scannedThenStopped();

    clock.advance(60_000);
    const second = open(dir, clock);
    await vi.waitFor(async () =>
      expect(await call<PickupView>(second, 'pickup.get', { pickupId: pickup.id })).toMatchObject({ completedAt: clock.now() }),
    );
    expect(second.core!.counter.ledger.history(pickup.items[0]!.parcel.id).at(-1)).toMatchObject({ toState: 'picked_up', at: clock.now() });
  });
});
