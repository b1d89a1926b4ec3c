import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCounterApp, type CounterApp } from '../../../../main/app/start';
import { ManualClock } from '../../../../main/core/clock';
import { startNetworkTestServer, type NetworkTestServer } from '../../../network-server/server';
import { TEST_START } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const TOKEN = 'ids-token';
const tempDir = useTempDir();
let app: CounterApp | undefined;
let server: NetworkTestServer | undefined;
afterEach(async () => {
  app?.close();
  await server?.stop();
});

async function call<T>(name: string, input?: unknown): Promise<T> {
  const result = await app!.router.dispatch(name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

/** Outside the default pattern `^[0-9A-Z]{8,30}$`: a hyphen, and 40 characters. */
const HYPHENATED = 'ED-123456-0002';
const LONG = `LX${'0123456789'.repeat(3)}01234567`;
const announced = (trackingId: string, i: number) => ({
  type: 'parcel' as const,
  trackingId,
  recipientName: `Customer ${i}`,
  size: 'small' as const,
  pickupCode: String(400_000 + i),
});

describe("an ID the network announced is always that network's, whatever its pattern", () => {
  it('is classified as its parcel and received at intake; an unknown code is still judged by the pattern', async () => {
    expect(LONG).toHaveLength(40);
    server = await startNetworkTestServer({ token: TOKEN, networkName: 'Carrier' });
    app = startCounterApp({ dataDir: tempDir(), clock: new ManualClock(TEST_START), version: 'x', log: () => {} });
    const core = app.core!;
    server.addManifest(core.storeId, [announced(HYPHENATED, 1), announced(LONG, 2)]);
    // No override: the network keeps the default pattern, which neither ID matches.
    const { id } = await call<{ id: string }>('networks.save', {
      name: 'Carrier',
      baseUrl: server.url,
      token: TOKEN,
      enabled: true,
      policyOverrides: {},
    });
    await call('inventory.sync');
    expect(
      core.counter.parcels
        .inState(['expected'], id)
        .map((p) => p.tracking_id)
        .sort(),
    ).toEqual([HYPHENATED, LONG]);

    const scanned: { classification: unknown }[] = [];
    app.events.subscribe((name, payload) => name === 'scanner.scanned' && scanned.push(payload as { classification: unknown }));
    app.receiveScan({ code: `]C0${HYPHENATED.toLowerCase()}\r`, source: 'serial', deviceId: 'serial:a' });
    app.receiveScan({ code: LONG, source: 'serial', deviceId: 'serial:a' });
    expect(scanned.map((s) => s.classification)).toEqual([
      { kind: 'parcel', trackingId: HYPHENATED, networkId: id },
      { kind: 'parcel', trackingId: LONG, networkId: id },
    ]);

    const delivery = await call<{ id: number }>('delivery.handOver', { networkId: id });
    for (const code of [HYPHENATED.toLowerCase(), LONG]) {
      expect(await call('delivery.scan', { deliveryId: delivery.id, trackingId: code, method: 'scanner' }), code).toMatchObject({
        outcome: 'received',
      });
    }
    expect(await call('delivery.scan', { deliveryId: delivery.id, trackingId: 'ED-999999-0009', method: 'scanner' })).toMatchObject({
      outcome: 'rejected',
      rejection: { reason: 'not-this-network' },
    });
    // The IDs travel back in the form the document names: upper case, no whitespace, otherwise as printed.
    await vi.waitFor(
      () =>
        expect(server!.events(core.storeId).map((e) => (e.payload as { trackingId: string }).trackingId)).toEqual(
          expect.arrayContaining([HYPHENATED, LONG]),
        ),
      { timeout: 5_000 },
    );
    expect(server.violations).toEqual([]);
  });
});
