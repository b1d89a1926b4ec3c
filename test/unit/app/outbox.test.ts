import { afterEach, describe, expect, it } from 'vitest';
import { startCounterApp } from '../../../main/app/start';
import type { DemoNetwork } from '../../../main/core/networks/demo-network';
import type { NetworkAdapter, OutboundEvent } from '../../../main/core/networks/network-adapter';
import { NetworkRequestError } from '../../../main/core/networks/http/network-error';
import { OutboxPump } from '../../../main/core/networks/outbox';
import { ManualClock } from '../../../main/core/clock';
import { scanner, useCounter } from '../../fixtures/counter';
import { openTestCore, TEST_START } from '../../fixtures/core';
import { useTempDir } from '../../fixtures/temp-dir';

const { start } = useCounter();
const tempDir = useTempDir();
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

describe('outbox delivery', () => {
  it('sends queued events in order, once accepted marks them, and keeps them when the network is down', async () => {
    const { core, clock } = await start();
    const delivery = core.counter.deliveries.handOver('demo-fr', scanner);
    const [first, second] = core.counter.deliveries.parcelsOf(delivery.id);
    core.counter.deliveries.scan(delivery.id, first!.tracking_id, scanner);
    core.counter.deliveries.scan(delivery.id, second!.tracking_id, scanner);
    const pump = new OutboxPump(core.db, clock);
    const pending = pump.pending('demo-fr');
    expect(pending).toBeGreaterThanOrEqual(2);

    // Only pushEvents matters to the pump; the rest of a network is not exercised here.
    const down = { pushEvents: async () => Promise.reject(new Error('offline')) } as unknown as NetworkAdapter;
    await expect(pump.deliver('demo-fr', down)).rejects.toThrow('offline');
    expect(pump.pending('demo-fr')).toBe(pending);

    const received: OutboundEvent[] = [];
    const up: NetworkAdapter = { ...down, pushEvents: async (_n, events) => void received.push(...events) };
    expect(await pump.deliver('demo-fr', up, 3)).toBe(pending);
    expect(pump.pending('demo-fr')).toBe(0);
    const receipts = received
      .filter((e) => (e.payload as { to: string }).to === 'received')
      .map((e) => (e.payload as { trackingId: string }).trackingId);
    expect(receipts).toEqual([first!.tracking_id, second!.tracking_id]);
    expect(new Set(received.map((e) => e.idempotencyKey)).size).toBe(received.length);
  });

  it('tells the demo network when a parcel is received, so the customer can be notified', async () => {
    const app = startCounterApp({ dataDir: tempDir(), clock: new ManualClock(TEST_START), version: 'x', log: () => {} });
    closers.push(() => app.close());
    const core = app.core!;
    await new Promise((r) => setTimeout(r, 50)); // the first demo manifest arrives
    const handed = await app.router.dispatch('delivery.handOver', { networkId: 'demo-fr' });
    if (!handed.ok) throw new Error('hand-over failed');
    const { id, parcels } = handed.value as { id: number; parcels: { trackingId: string }[] };
    await app.router.dispatch('delivery.scan', { deliveryId: id, trackingId: parcels[0]!.trackingId, method: 'scanner' });
    const demo = core.adapters.demo as DemoNetwork;
    await expect
      .poll(() =>
        demo.received.some(
          (e) =>
            (e.payload as { trackingId?: string; to?: string }).trackingId === parcels[0]!.trackingId &&
            (e.payload as { to: string }).to === 'received',
        ),
      )
      .toBe(true);
  });
});

describe('an event the network refuses', () => {
  /** Three events queued after whatever the new core queued itself; the middle one is the one the network refuses. */
  function queued() {
    const { core, clock } = openTestCore(tempDir());
    closers.push(() => core.close());
    const queue = core.db.prepare(
      "INSERT INTO outbox (network_id, idempotency_key, kind, payload_json, created_at) VALUES ('demo-fr', ?, 'custody', '{}', ?)",
    );
    for (const key of ['good-1', 'bad-2', 'good-3']) queue.run(key, clock.now());
    const keys = (
      core.db.prepare("SELECT idempotency_key AS k FROM outbox WHERE network_id = 'demo-fr' ORDER BY id").all() as { k: string }[]
    ).map((r) => r.k);
    const outcome = (key: string) =>
      core.db.prepare('SELECT delivered_at, refused_at, refusal FROM outbox WHERE idempotency_key = ?').get(key);
    return { core, clock, keys, outcome, pump: new OutboxPump(core.db, clock) };
  }

  /** A network that refuses any batch holding bad-2 as malformed, with a long answer, and takes the rest. */
  function refusing(sent: string[], { downAfter = Infinity } = {}): NetworkAdapter {
    let calls = 0;
    return {
      pushEvents: async (_networkId: string, events: readonly OutboundEvent[]) => {
        if (++calls > downAfter) throw new Error('offline');
        if (events.some((e) => e.idempotencyKey === 'bad-2'))
          throw new NetworkRequestError('rejected', `HTTP 400 ${'x'.repeat(1000)}`, 400);
        sent.push(...events.map((e) => e.idempotencyKey));
      },
    } as unknown as NetworkAdapter;
  }

  it('is parked with the start of its reason, and every other event still goes, in order, once', async () => {
    const { clock, keys, outcome, pump } = queued();
    const sent: string[] = [];
    clock.advance(5_000);
    expect(await pump.deliver('demo-fr', refusing(sent))).toBe(keys.length - 1);
    expect(sent).toEqual(keys.filter((k) => k !== 'bad-2'));
    expect(pump.pending('demo-fr')).toBe(0);
    expect(outcome('bad-2')).toEqual({ delivered_at: null, refused_at: clock.now(), refusal: `HTTP 400 ${'x'.repeat(491)}` });
    expect(outcome('good-3')).toEqual({ delivered_at: clock.now(), refused_at: null, refusal: null });
    // Parked is final: the next round sends nothing again.
    expect(await pump.deliver('demo-fr', refusing(sent))).toBe(0);
    expect(sent).toHaveLength(keys.length - 1);
  });

  it('is not parked when the network went down while the pump looked for it: the rest waits for the next try', async () => {
    const { keys, outcome, pump } = queued();
    const sent: string[] = [];
    // The batch is refused, the first event alone goes, then the network is unreachable.
    await expect(pump.deliver('demo-fr', refusing(sent, { downAfter: 2 }))).rejects.toThrow('offline');
    expect(sent).toEqual([keys[0]]);
    expect(pump.pending('demo-fr')).toBe(keys.length - 1);
    expect(outcome('bad-2')).toEqual({ delivered_at: null, refused_at: null, refusal: null });
  });

  it('is not parked for a refused token: the network did not judge the event, so it stays queued', async () => {
    const { keys, outcome, pump } = queued();
    let requests = 0;
    const unauthorized = {
      pushEvents: async () => {
        requests++;
        throw new NetworkRequestError('unauthorized', 'HTTP 401', 401);
      },
    } as unknown as NetworkAdapter;
    await expect(pump.deliver('demo-fr', unauthorized)).rejects.toThrow('HTTP 401');
    // One request: the pump does not retry event by event what every event would meet (a hanging network would cost each its timeout).
    expect(requests).toBe(1);
    expect(pump.pending('demo-fr')).toBe(keys.length);
    expect(outcome('bad-2')).toEqual({ delivered_at: null, refused_at: null, refusal: null });
  });
});

describe('outbox retry through the app', () => {
  it('keeps events queued while the network is down and sends them 30 s later without any new change', async () => {
    const clock = new ManualClock(TEST_START);
    const app = startCounterApp({ dataDir: tempDir(), clock, version: 'x', log: () => {} });
    closers.push(() => app.close());
    const core = app.core!;
    const demo = core.adapters.demo as DemoNetwork;
    const realPush = demo.pushEvents.bind(demo);
    let down = true;
    demo.pushEvents = async (networkId, events) => {
      if (down) throw new Error('network down');
      return realPush(networkId, events);
    };
    await new Promise((r) => setTimeout(r, 50));
    const handed = await app.router.dispatch('delivery.handOver', { networkId: 'demo-fr' });
    if (!handed.ok) throw new Error('hand-over failed');
    const { id, parcels } = handed.value as { id: number; parcels: { trackingId: string }[] };
    await app.router.dispatch('delivery.scan', { deliveryId: id, trackingId: parcels[0]!.trackingId, method: 'scanner' });
    const pump = new OutboxPump(core.db, clock);
    await expect.poll(() => pump.pending('demo-fr')).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(pump.pending('demo-fr')).toBeGreaterThan(0);

    down = false;
    clock.advance(29_000);
    await app.poke();
    await new Promise((r) => setTimeout(r, 50));
    expect(pump.pending('demo-fr')).toBeGreaterThan(0);
    clock.advance(1_000);
    await app.poke();
    await expect.poll(() => pump.pending('demo-fr')).toBe(0);
    expect(demo.received.some((e) => (e.payload as { trackingId?: string }).trackingId === parcels[0]!.trackingId)).toBe(true);
  });
});
