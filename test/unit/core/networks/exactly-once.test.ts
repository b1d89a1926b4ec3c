import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../main/core/clock';
import { openCounterCore, type CounterCore } from '../../../../main/core/counter-core';
import { OutboxPump } from '../../../../main/core/networks/outbox';
import { defaultHttpPolicy } from '../../../../main/core/networks/policy';
import { seededRandom } from '../../../../main/core/seeded-random';
import { startNetworkTestServer, type ManifestChange, type NetworkTestServer } from '../../../network-server/server';
import { TEST_START } from '../../../fixtures/core';
import { scanner } from '../../../fixtures/counter';
import { useTempDir } from '../../../fixtures/temp-dir';

const TOKEN = 'exactly-once-token';
const NETWORK = 'carrier';
const PARCELS = 120;
const tempDir = useTempDir();

let server: NetworkTestServer | undefined;
const cores: CounterCore[] = [];
afterEach(async () => {
  cores.splice(0).forEach((c) => c.db.open && c.close());
  await server?.stop();
});

function open(dir: string, clock: ManualClock): CounterCore {
  // Short timeouts and quick retries: the faults, not the waiting, are under test.
  const core = openCounterCore(dir, clock, { http: { timeoutMs: 250, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } } });
  cores.push(core);
  return core;
}

const trackingId = (i: number) => `IT${String(i).padStart(10, '0')}`;
const code = (i: number) => String(200_000 + i);

describe('custody events over a faulty network and app restarts', () => {
  it('reach the network exactly once each, none lost, in order per parcel', async () => {
    const random = seededRandom(20261201);
    server = await startNetworkTestServer({ token: TOKEN, networkName: 'Carrier', slowMs: 50 });
    const dir = tempDir();
    const clock = new ManualClock(TEST_START);
    let core = open(dir, clock);
    core.networks.add({
      id: NETWORK,
      name: 'Carrier',
      adapter: 'http',
      policy: { ...defaultHttpPolicy, trackingIdPattern: '^IT[0-9A-Z]{10}$', capacity: 1000 },
      baseUrl: server.url,
      token: TOKEN,
    });
    const announced: ManifestChange[] = Array.from({ length: PARCELS }, (_, i) => ({
      type: 'parcel',
      trackingId: trackingId(i),
      recipientName: `Customer ${i}`,
      size: 'small',
      pickupCode: code(i),
    }));
    server.addManifest(core.storeId, announced);
    server.setRandomFaults({ rate: 0.35, seed: 7 });

    let failures = 0;
    let restarts = 0;
    /** One delivery attempt as the app makes it; a failure leaves the events queued. */
    const push = async () => {
      const adapter = core.adapters.byId(NETWORK)!;
      await new OutboxPump(core.db, core.clock).deliver(NETWORK, adapter, 1 + Math.floor(random() * 40)).catch(() => failures++);
    };
    /** Sometimes the app pushes, sometimes it is closed in the middle of a push (before it could mark what the network took). */
    const maybePushOrRestart = async () => {
      const roll = random();
      if (roll < 0.4) await push();
      else if (roll < 0.5) {
        const adapter = core.adapters.byId(NETWORK)!;
        const inFlight = new OutboxPump(core.db, core.clock).deliver(NETWORK, adapter).catch(() => failures++);
        core.close();
        await inFlight;
        core = open(dir, clock);
        restarts++;
      } else if (roll < 0.55) {
        core.close();
        core = open(dir, clock);
        restarts++;
      }
    };

    // The manifest arrives through the same faults; the app pulls until it has it.
    while (core.counter.parcels.inState(['expected'], NETWORK).length < PARCELS) {
      await core.counter.pullManifest(NETWORK, core.adapters.byId(NETWORK)!).catch(() => failures++);
      await maybePushOrRestart();
    }
    // Intake: every parcel scanned, pushes and restarts in between.
    let delivery = core.counter.deliveries.handOver(NETWORK, scanner);
    for (let i = 0; i < PARCELS; i++) {
      clock.advance(1_000);
      core.counter.deliveries.scan(delivery.id, trackingId(i), scanner);
      await maybePushOrRestart();
      delivery = core.counter.deliveries.get(delivery.id);
    }
    core.counter.deliveries.complete(delivery.id);
    // Half of the customers collect their parcel.
    for (let i = 0; i < PARCELS; i += 2) {
      clock.advance(1_000);
      const start = core.counter.pickups.start(code(i), scanner, NETWORK);
      if (start.outcome !== 'found') throw new Error(`pickup ${i}: ${start.outcome}`);
      core.counter.pickups.scan(start.pickupId, trackingId(i), scanner);
      core.counter.pickups.complete(start.pickupId, scanner);
      await maybePushOrRestart();
    }

    // The network heals; the app catches up.
    server.clearFaults();
    await push();
    const outbox = core.db
      .prepare<[string], { idempotency_key: string; payload_json: string; delivered_at: number | null }>(
        "SELECT idempotency_key, payload_json, delivered_at FROM outbox WHERE network_id = ? AND kind = 'custody' ORDER BY id",
      )
      .all(NETWORK);
    const received = server.events(core.storeId).filter((e) => e.kind === 'custody');

    // A few hundred events, all of them delivered and recorded exactly once.
    expect(outbox.length).toBe(PARCELS * 2 + PARCELS / 2);
    expect(outbox.every((row) => row.delivered_at !== null)).toBe(true);
    expect(received.map((e) => e.idempotencyKey).sort()).toEqual(outbox.map((row) => row.idempotency_key).sort());
    // Each parcel's story reads the same on the network as in the store: expected → received (→ picked_up).
    const story = (events: { trackingId: string; to: string }[]) => {
      const byParcel = new Map<string, string[]>();
      for (const e of events) byParcel.set(e.trackingId, [...(byParcel.get(e.trackingId) ?? []), e.to]);
      return byParcel;
    };
    expect(story(received.map((e) => e.payload as { trackingId: string; to: string }))).toEqual(
      story(outbox.map((row) => JSON.parse(row.payload_json))),
    );
    // The faults and restarts really happened, and the network really had to drop repeats.
    expect(failures).toBeGreaterThan(10);
    expect(restarts).toBeGreaterThan(5);
    expect(server.duplicates(core.storeId)).toBeGreaterThan(0);
    expect(server.violations).toEqual([]);
  }, 120_000);
});
