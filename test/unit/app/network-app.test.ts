import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCounterApp, type CounterApp } from '../../../main/app/start';
import { SUPPORT_POLL_MS } from '../../../main/app/background/support-exchange';
import { ManualClock } from '../../../main/core/clock';
import { CHECK_IN_POLL_MS } from '../../../main/app/background/check-in-pull';
import { MANIFEST_POLL_MS } from '../../../main/app/background/manifest-pull';
import { CHECK_IN_SHOWN_MS } from '../../../main/core/networks/driver-check-ins';
import type { NetworkLink } from '../../../main/api/networks/schemas';
import { startNetworkTestServer, type NetworkTestServer } from '../../network-server/server';
import { TEST_START } from '../../fixtures/core';
import { scanner } from '../../fixtures/counter';
import { useTempDir } from '../../fixtures/temp-dir';

const TOKEN = 'app-token';
const tempDir = useTempDir();
const apps: CounterApp[] = [];
let server: NetworkTestServer | undefined;
afterEach(async () => {
  apps.splice(0).forEach((app) => app.close());
  await server?.stop();
});

function start(dataDir: string, clock: ManualClock): { app: CounterApp; seen: { name: string; payload: unknown }[] } {
  const app = startCounterApp({
    dataDir,
    clock,
    version: 'x',
    log: () => {},
    core: { http: { timeoutMs: 2_500, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } } },
  });
  apps.push(app);
  const seen: { name: string; payload: unknown }[] = [];
  app.events.subscribe((name, payload) => seen.push({ name, payload }));
  return { app, seen };
}

async function call<T>(app: CounterApp, name: string, input?: unknown): Promise<T> {
  const result = await app.router.dispatch(name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, fields: result.error.fields });
  return result.value as T;
}

const parcel = (i: number) => ({
  type: 'parcel' as const,
  trackingId: `IT${String(i).padStart(10, '0')}`,
  recipientName: `Customer ${i}`,
  size: 'medium' as const,
  pickupCode: String(300_000 + i),
});
const linkOf = (app: CounterApp, id: string) =>
  call<NetworkLink[]>(app, 'networks.links').then((links) => links.find((l) => l.networkId === id));

async function withCarrier() {
  server = await startNetworkTestServer({ token: TOKEN, networkName: 'Carrier Net' });
  const clock = new ManualClock(TEST_START);
  const dir = tempDir();
  const started = start(dir, clock);
  const { app } = started;
  server.addManifest(app.core!.storeId, [parcel(1), parcel(2), parcel(3)]);
  const saved = await call<{ id: string }>(app, 'networks.save', {
    name: 'Carrier Net',
    baseUrl: server.url,
    token: TOKEN,
    enabled: true,
    policyOverrides: { trackingIdPattern: '^IT[0-9A-Z]{10}$' },
  });
  await app.poke();
  return { ...started, clock, dir, server, id: saved.id };
}

/** A first sync goes through HTTP, SQLite and the scheduler: on a loaded 2-core machine it takes more than vi.waitFor's default second. */
const SLOW_MACHINE = { timeout: 5_000 };

describe('an HTTP network in the app', () => {
  it('"Test connection" tells a wrong token, an unreachable URL and a working link apart', async () => {
    const { app, server } = await withCarrier();
    expect(await call(app, 'networks.testConnection', { baseUrl: server.url, token: 'nope' })).toEqual({
      ok: false,
      problem: 'unauthorized',
    });
    expect(await call(app, 'networks.testConnection', { baseUrl: 'http://127.0.0.1:9/v1', token: TOKEN })).toEqual({
      ok: false,
      problem: 'unreachable',
    });
    expect(await call(app, 'networks.testConnection', { baseUrl: server.url })).toEqual({ ok: false, problem: 'no-token' });
    const id = (await call<{ id: string; adapter: string }[]>(app, 'networks.configs')).find((n) => n.adapter === 'http')!.id;
    // Editing a saved network: the stored token is used.
    expect(await call(app, 'networks.testConnection', { networkId: id, baseUrl: server.url })).toEqual({
      ok: true,
      networkName: 'Carrier Net',
    });
    // A URL other than the saved one does not get the saved token.
    const other = await startNetworkTestServer({ token: TOKEN });
    try {
      expect(await call(app, 'networks.testConnection', { networkId: id, baseUrl: other.url })).toEqual({ ok: false, problem: 'no-token' });
      expect(other.requests).toEqual([]);
    } finally {
      await other.stop();
    }
  });

  it('refuses a bad URL or a tracking pattern that does not compile, and changes nothing', async () => {
    const { app } = await withCarrier();
    const before = await call(app, 'networks.configs');
    await expect(
      call(app, 'networks.save', { name: 'X', baseUrl: 'ftp://example', token: 't', enabled: true, policyOverrides: {} }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    // The token travels with every request: plain http only to this PC.
    await expect(
      call(app, 'networks.save', { name: 'X', baseUrl: 'http://carrier.example/v1', token: 't', enabled: true, policyOverrides: {} }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', fields: ['baseUrl'] });
    await expect(
      call(app, 'networks.save', {
        name: 'X',
        baseUrl: 'http://127.0.0.1:9/v1',
        token: 't',
        enabled: true,
        policyOverrides: { trackingIdPattern: '(' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(
      call(app, 'networks.save', { name: 'X', baseUrl: 'http://127.0.0.1:9/v1', enabled: true, policyOverrides: {} }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await call(app, 'networks.configs')).toEqual(before);
  });

  it('adds a network together with its first store record, or not at all', async () => {
    const { app } = await withCarrier();
    const before = await call(app, 'networks.configs');
    app.core!.db.exec(
      "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox WHEN NEW.kind = 'store-profile' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    await expect(
      call(app, 'networks.save', { name: 'Second', baseUrl: 'https://second.example/v1', token: 't', enabled: true, policyOverrides: {} }),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await call(app, 'networks.configs')).toEqual(before);
  });

  it('syncs on its own once added: the store record goes out, the manifest comes in, and the link is online', async () => {
    const { app, server, id, clock } = await withCarrier();
    await vi.waitFor(() => expect(app.core!.counter.parcels.inState(['expected'], id)).toHaveLength(3), SLOW_MACHINE);
    await vi.waitFor(() => expect(server.profiles(app.core!.storeId)).toHaveLength(1), SLOW_MACHINE);
    expect(server.profiles()[0]!.profile).toMatchObject({
      storeId: app.core!.storeId,
      capacity: { threshold: 20 },
      capabilities: ['PICK_UP'],
    });
    await vi.waitFor(
      async () => expect(await linkOf(app, id)).toMatchObject({ state: 'online', lastSuccessAt: clock.now(), pending: 0 }),
      SLOW_MACHINE,
    );
    // The token never travels to the renderer.
    expect(JSON.stringify(await call(app, 'networks.configs'))).not.toContain(TOKEN);
    expect(server.violations).toEqual([]);
  });

  it('shows the network offline with events waiting while it is down, and catches up 30 s after it returns', async () => {
    const { app, server, id, clock, seen } = await withCarrier();
    await vi.waitFor(async () => expect(await linkOf(app, id)).toMatchObject({ state: 'online', pending: 0 }), SLOW_MACHINE);
    // The store record can be out while the first manifest is still on its way: a success that
    // lands after the network went down is a later success, and its parcels' events wait.
    await app.networksIdle();
    expect(await linkOf(app, id)).toMatchObject({ state: 'online', pending: 0 });
    const syncedAt = (await linkOf(app, id))!.lastSuccessAt;
    await server.stop();
    clock.advance(60_000);
    await call(app, 'hours.save', { week: [[{ opens: '09:00', closes: '18:00' }], [], [], [], [], [], []], exceptions: [] });
    await vi.waitFor(
      async () =>
        expect(await linkOf(app, id)).toMatchObject({
          state: 'offline',
          problem: 'unreachable',
          pending: 1,
          lastSuccessAt: syncedAt,
          offlineSince: clock.now(),
        }),
      SLOW_MACHINE,
    );
    expect(
      seen.some(
        (e) => e.name === 'networks.links' && (e.payload as NetworkLink[]).some((l) => l.networkId === id && l.state === 'offline'),
      ),
    ).toBe(true);

    await server.start();
    clock.advance(30_000);
    await app.poke();
    await vi.waitFor(
      async () => expect(await linkOf(app, id)).toMatchObject({ state: 'online', pending: 0, lastSuccessAt: clock.now() }),
      SLOW_MACHINE,
    );
    expect(server.profiles().at(-1)!.profile.standardHours).toContainEqual({
      day: 'MONDAY',
      ranges: [{ opens: '09:00', closes: '18:00' }],
    });
  });

  it('counts a support case waiting for a network that is down among its events waiting', async () => {
    const { app, server, id, clock } = await withCarrier();
    await vi.waitFor(async () => expect(await linkOf(app, id)).toMatchObject({ state: 'online', pending: 0 }), { timeout: 10_000 });
    await server.stop();
    clock.advance(60_000);
    await app.poke();
    await vi.waitFor(async () => expect(await linkOf(app, id)).toMatchObject({ state: 'offline' }), { timeout: 10_000 });
    // Custody events of the first manifest may still be waiting too: the case adds one to whatever waits.
    const before = (await linkOf(app, id))!.pending;
    await call(app, 'support.open', {
      networkId: id,
      subject: 'Scanner',
      email: 'anna@example.com',
      product: 'scanner',
      requestType: 'technical',
      impact: 'degraded',
      description: 'It beeps.',
    });
    await app.poke();
    await vi.waitFor(async () => expect(await linkOf(app, id)).toMatchObject({ state: 'offline', pending: before + 1 }), {
      timeout: 10_000,
    });
  });

  it('announces a driver check-in once, keeps it across a restart, and forgets it when dismissed', async () => {
    const { app, server, clock, seen, dir } = await withCarrier();
    server.addDriverCheckIn(app.core!.storeId, { id: 'drv-1', at: clock.now(), driverName: 'Paolo', parcelCount: 4 });
    clock.advance(CHECK_IN_POLL_MS);
    await app.poke();
    await vi.waitFor(() => expect(seen.filter((e) => e.name === 'networks.driverCheckedIn')).toHaveLength(1), SLOW_MACHINE);
    expect(await call(app, 'networks.checkIns')).toMatchObject([{ networkName: 'Carrier Net', driverName: 'Paolo', parcelCount: 4 }]);

    app.close();
    apps.splice(apps.indexOf(app), 1);
    const again = start(dir, clock);
    clock.advance(CHECK_IN_POLL_MS);
    await again.app.poke();
    await vi.waitFor(() => expect(server.requests.filter((r) => r.operationId === 'pullDriverCheckIns').length).toBeGreaterThan(2), {
      timeout: 5_000,
    });
    expect(again.seen.filter((e) => e.name === 'networks.driverCheckedIn')).toHaveLength(0);
    const [checkIn] = await call<{ id: number }[]>(again.app, 'networks.checkIns');
    await call(again.app, 'networks.dismissCheckIn', { id: checkIn!.id });
    expect(await call(again.app, 'networks.checkIns')).toEqual([]);
  });

  it('keeps sending to one network while another hangs', async () => {
    const { app, server, id } = await withCarrier();
    await vi.waitFor(async () => expect(await linkOf(app, id)).toMatchObject({ state: 'online', pending: 0 }), SLOW_MACHINE);
    const healthy = await startNetworkTestServer({ token: 'healthy-token', networkName: 'Healthy' });
    try {
      const second = await call<{ id: string }>(app, 'networks.save', {
        name: 'Healthy',
        baseUrl: healthy.url,
        token: 'healthy-token',
        enabled: true,
        policyOverrides: {},
      });
      await vi.waitFor(() => expect(healthy.profiles()).toHaveLength(1), SLOW_MACHINE);
      server.injectNext('timeout', 10);
      const week = (opens: string) => ({ week: [[{ opens, closes: '18:00' }], [], [], [], [], [], []], exceptions: [] });
      await call(app, 'hours.save', week('08:00'));
      await vi.waitFor(() => expect(healthy.profiles()).toHaveLength(2), { timeout: 2_000 });
      // The carrier is still hanging on the first change; the second reaches the healthy network all the same.
      await call(app, 'hours.save', week('09:00'));
      await vi.waitFor(() => expect(healthy.profiles()).toHaveLength(3), { timeout: 2_000 });
      // The server has the record a moment before the app hears the answer and marks it delivered.
      await vi.waitFor(async () => expect(await linkOf(app, second.id)).toMatchObject({ state: 'online', pending: 0 }), SLOW_MACHINE);
    } finally {
      await healthy.stop();
    }
  });

  it('parks an event the network refuses as malformed, sends the ones after it, and shows the refusal', async () => {
    const { app, server, id, clock } = await withCarrier();
    const core = app.core!;
    await vi.waitFor(async () => expect(await linkOf(app, id)).toMatchObject({ state: 'online', pending: 0 }), SLOW_MACHINE);
    const queue = core.db.prepare(
      "INSERT INTO outbox (network_id, idempotency_key, kind, payload_json, created_at) VALUES (?, ?, 'custody', ?, ?)",
    );
    const event = (n: number, method: string) =>
      JSON.stringify({ trackingId: parcel(n).trackingId, from: 'expected', to: 'received', at: clock.now(), method, reason: null });
    queue.run(id, 'good-1', event(1, 'scanner'), clock.now());
    queue.run(id, 'bad-2', event(2, 'telepathy'), clock.now());
    queue.run(id, 'good-3', event(3, 'keyboard'), clock.now());
    await call(app, 'hours.save', { week: [[{ opens: '09:00', closes: '18:00' }], [], [], [], [], [], []], exceptions: [] });
    await vi.waitFor(async () => expect(await linkOf(app, id)).toMatchObject({ state: 'online', pending: 0, refused: 1 }), SLOW_MACHINE);
    const keys = server.events(core.storeId).map((e) => e.idempotencyKey);
    expect(keys).toEqual(expect.arrayContaining(['good-1', 'good-3']));
    expect(keys).not.toContain('bad-2');
    expect(server.profiles().at(-1)!.profile.standardHours).toContainEqual({
      day: 'MONDAY',
      ranges: [{ opens: '09:00', closes: '18:00' }],
    });
    expect(core.db.prepare("SELECT refusal FROM outbox WHERE idempotency_key = 'bad-2'").get()).toEqual({
      refusal: expect.stringContaining('HTTP 400'),
    });
  });

  it('does not announce a check-in that was already 30 minutes old when it reached the store', async () => {
    const { app, server, clock, seen } = await withCarrier();
    server.addDriverCheckIn(app.core!.storeId, { id: 'drv-old', at: clock.now() - 31 * 60_000, driverName: 'Yesterday' });
    clock.advance(CHECK_IN_POLL_MS);
    await app.poke();
    await vi.waitFor(
      () => expect(server.requests.filter((r) => r.operationId === 'pullDriverCheckIns').length).toBeGreaterThan(1),
      SLOW_MACHINE,
    );
    await vi.waitFor(
      () => expect(app.core!.db.prepare('SELECT count(*) AS n FROM driver_check_ins').get()).toEqual({ n: 1 }),
      SLOW_MACHINE,
    );
    expect(seen.filter((e) => e.name === 'networks.driverCheckedIn')).toEqual([]);
    expect(await call(app, 'networks.checkIns')).toEqual([]);
  });

  it('sends the store record again when the staff change the capacity', async () => {
    const { app, server, id } = await withCarrier();
    await vi.waitFor(() => expect(server.profiles()).toHaveLength(1), SLOW_MACHINE);
    await call(app, 'networks.save', {
      id,
      name: 'Carrier Net',
      baseUrl: server.url,
      enabled: true,
      policyOverrides: { trackingIdPattern: '^IT[0-9A-Z]{10}$', capacity: 45 },
    });
    await vi.waitFor(() => expect(server.profiles()).toHaveLength(2), SLOW_MACHINE);
    expect(server.profiles()[1]!.profile).toMatchObject({ capacity: { threshold: 45 } });
    // A rename does not change the record.
    await call(app, 'networks.save', {
      id,
      name: 'Carrier',
      baseUrl: server.url,
      enabled: true,
      policyOverrides: { trackingIdPattern: '^IT[0-9A-Z]{10}$', capacity: 45 },
    });
    expect(app.core!.db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'store-profile' AND network_id = ?").get(id)).toEqual({
      n: 2,
    });
  });

  it('drops a check-in from the home screen 30 minutes after it arrived, and wakes the screen then', async () => {
    const { app, server, clock, seen } = await withCarrier();
    server.addDriverCheckIn(app.core!.storeId, { id: 'drv-2', at: clock.now() });
    clock.advance(CHECK_IN_POLL_MS);
    await app.poke();
    await vi.waitFor(() => expect(seen.filter((e) => e.name === 'networks.driverCheckedIn')).toHaveLength(1), SLOW_MACHINE);
    const arrived = clock.now();
    clock.set(arrived + CHECK_IN_SHOWN_MS);
    expect(await call(app, 'networks.checkIns')).toHaveLength(1);
    const changes = seen.filter((e) => e.name === 'counter.changed').length;
    clock.set(arrived + CHECK_IN_SHOWN_MS + 1);
    await app.poke();
    expect(await call(app, 'networks.checkIns')).toEqual([]);
    expect(seen.filter((e) => e.name === 'counter.changed').length).toBeGreaterThan(changes);
  });

  it("asks an HTTP network for its operators' updates at start and every 5 minutes, with nothing of its own to send", async () => {
    const { app, server, clock } = await withCarrier();
    const polls = () => server.requests.filter((r) => r.operationId === 'pullSupportUpdates').length;
    await vi.waitFor(() => expect(polls()).toBe(1), SLOW_MACHINE);
    clock.advance(SUPPORT_POLL_MS);
    await app.poke();
    await vi.waitFor(() => expect(polls()).toBe(2), SLOW_MACHINE);
  });

  it('keeps every deadline on time while a network hangs', async () => {
    const { app, server, clock, seen } = await withCarrier();
    await vi.waitFor(() => expect(server.requests.some((r) => r.operationId === 'pullSupportUpdates')).toBe(true), SLOW_MACHINE);
    server.injectNext('timeout', 10);
    clock.advance(SUPPORT_POLL_MS);
    const rotations = seen.filter((e) => e.name === 'driverQr.rotated').length;
    const started = performance.now();
    await app.poke();
    // The QR moved on at once; the network's calls are still hanging (they give up after 800 ms a try).
    expect(performance.now() - started).toBeLessThan(400);
    expect(seen.filter((e) => e.name === 'driverQr.rotated').length).toBeGreaterThan(rotations);
    await vi.waitFor(() => expect(server.requests.filter((r) => r.fault === 'timeout').length).toBeGreaterThan(0), { timeout: 5_000 });
  });

  it('tells the screen and the network at once when the background sync brings only a recall', async () => {
    const { app, server, id, clock, seen } = await withCarrier();
    const core = app.core!;
    await vi.waitFor(() => expect(core.counter.parcels.inState(['expected'], id)).toHaveLength(3), SLOW_MACHINE);
    const delivery = await call<{ id: number }>(app, 'delivery.handOver', { networkId: id });
    await call(app, 'delivery.scan', { deliveryId: delivery.id, trackingId: parcel(1).trackingId, method: 'scanner' });
    await vi.waitFor(async () => expect(await linkOf(app, id)).toMatchObject({ pending: 0 }), SLOW_MACHINE);
    server.addManifest(core.storeId, [{ type: 'recall', trackingId: parcel(1).trackingId, reason: 'Sender asked for it back' }]);
    const changes = seen.filter((e) => e.name === 'counter.changed').length;
    clock.advance(MANIFEST_POLL_MS);
    await app.poke();
    await vi.waitFor(
      () => expect(core.counter.parcels.byTrackingId(parcel(1).trackingId, id)).toMatchObject({ state: 'expired' }),
      SLOW_MACHINE,
    );
    await vi.waitFor(() => expect(seen.filter((e) => e.name === 'counter.changed').length).toBeGreaterThan(changes), SLOW_MACHINE);
    await vi.waitFor(() =>
      expect(server.events(core.storeId).map((e) => e.payload)).toContainEqual(
        expect.objectContaining({ trackingId: parcel(1).trackingId, to: 'expired', reason: 'recalled' }),
      ),
    );
  });

  it("starts from the beginning of a new server's manifest when the URL changes", async () => {
    const { app, server, id } = await withCarrier();
    const core = app.core!;
    await vi.waitFor(() => expect(core.counter.parcels.inState(['expected'], id)).toHaveLength(3), SLOW_MACHINE);
    const other = await startNetworkTestServer({ token: 'other-token', networkName: 'Carrier Net 2' });
    try {
      other.addManifest(core.storeId, [parcel(10)]);
      await call(app, 'networks.save', {
        id,
        name: 'Carrier Net',
        baseUrl: other.url,
        token: 'other-token',
        enabled: true,
        policyOverrides: { trackingIdPattern: '^IT[0-9A-Z]{10}$' },
      });
      await call(app, 'inventory.sync');
      expect(core.counter.parcels.byTrackingId(parcel(10).trackingId, id)).toMatchObject({ state: 'expected' });
    } finally {
      await other.stop();
    }
    expect(server.violations).toEqual([]);
  });

  it('forgets the saved token when the URL changes, so it never reaches the new host; the form asks for it again', async () => {
    const { app, id, clock } = await withCarrier();
    const other = await startNetworkTestServer({ token: TOKEN, networkName: 'Not the carrier' });
    try {
      // The renderer sends no token ("keep the saved one"): main must not keep it for another host.
      await call(app, 'networks.save', { id, name: 'Carrier Net', baseUrl: other.url, enabled: true, policyOverrides: {} });
      expect((await call<{ id: string; hasToken: boolean }[]>(app, 'networks.configs')).find((n) => n.id === id)).toMatchObject({
        hasToken: false,
      });
      await call(app, 'inventory.sync').catch(() => undefined);
      await call(app, 'networks.testConnection', { networkId: id, baseUrl: other.url });
      clock.advance(MANIFEST_POLL_MS + CHECK_IN_POLL_MS);
      await app.poke();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(other.requests).toEqual([]);
      // A token typed for the new URL is kept.
      await call(app, 'networks.save', {
        id,
        name: 'Carrier Net',
        baseUrl: other.url,
        token: 'new-token',
        enabled: true,
        policyOverrides: {},
      });
      expect(app.core!.networks.tokenOf(id)).toBe('new-token');
      // Saving again with the same URL and no token keeps it.
      await call(app, 'networks.save', { id, name: 'Carrier Net 2', baseUrl: other.url, enabled: true, policyOverrides: {} });
      expect(app.core!.networks.tokenOf(id)).toBe('new-token');
    } finally {
      await other.stop();
    }
  });

  it('applies recalls and policy changes from the manifest; the staff override still wins', async () => {
    const { app, server, id, clock } = await withCarrier();
    const core = app.core!;
    await vi.waitFor(() => expect(core.counter.parcels.inState(['expected'], id)).toHaveLength(3), SLOW_MACHINE);
    const delivery = core.counter.deliveries.handOver(id, scanner, [parcel(1).trackingId]);
    core.counter.deliveries.scan(delivery.id, parcel(1).trackingId, scanner);
    await call(app, 'networks.save', {
      id,
      name: 'Carrier Net',
      baseUrl: server.url,
      enabled: true,
      policyOverrides: { trackingIdPattern: '^IT[0-9A-Z]{10}$', retentionDays: 5 },
    });
    server.addManifest(core.storeId, [
      { type: 'recall', trackingId: parcel(1).trackingId, reason: 'Sender asked for it back' },
      { type: 'recall', trackingId: parcel(2).trackingId, reason: 'Cancelled' },
      { type: 'policy', policy: { retentionDays: 12, capacity: 40 } },
    ]);
    await call(app, 'inventory.sync');
    // On the shelf: it joins the parcels to send back, with the expired-scan window.
    expect(core.counter.parcels.byTrackingId(parcel(1).trackingId, id)).toMatchObject({ state: 'expired' });
    expect(core.counter.expiry.openNotices()).toMatchObject([{ network_id: id, scan_deadline_at: clock.now() + 120 * 60_000 }]);
    // Not yet here: no longer expected from the driver.
    const next = core.counter.deliveries.handOver(id, scanner);
    expect(
      core.counter.parcels
        .inState(['expected'], id)
        .filter((p) => p.delivery_id === next.id)
        .map((p) => p.tracking_id),
    ).toEqual([parcel(3).trackingId]);
    expect(core.networks.get(id)).toMatchObject({
      networkPolicy: { retentionDays: 12, capacity: 40 },
      policy: { retentionDays: 5, capacity: 40 },
    });
    // The customer's right code does not hand over a recalled parcel; the driver cannot deliver one either.
    expect(await call(app, 'pickup.start', { code: parcel(1).pickupCode, method: 'keyboard' })).toEqual({
      outcome: 'recalled',
      trackingIds: [parcel(1).trackingId],
    });
    expect(await call(app, 'delivery.scan', { deliveryId: next.id, trackingId: parcel(2).trackingId, method: 'scanner' })).toMatchObject({
      outcome: 'rejected',
      rejection: { reason: 'recalled', note: 'Cancelled' },
    });
    expect(core.counter.parcels.byTrackingId(parcel(2).trackingId, id)).toMatchObject({ state: 'expected' });
  });

  it('sends the store data edited in settings to every network, and counts "today" in the store\'s time zone', async () => {
    const { app, server, clock } = await withCarrier();
    await vi.waitFor(() => expect(server.profiles()).toHaveLength(1), SLOW_MACHINE);
    const profile = {
      name: 'Tabaccheria Sud',
      isActive: true,
      timeZone: 'Pacific/Kiritimati',
      address: {
        addressLine1: 'Via Roma 1',
        city: 'Napoli',
        postalCode: '80100',
        countryCode: 'IT',
        latitude: '40.851800',
        longitude: '14.268100',
      },
      capabilities: ['PICK_UP', 'DROP_OFF'],
    };
    await expect(
      call(app, 'store.saveProfile', { ...profile, address: { ...profile.address, countryCode: 'italy' } }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await call(app, 'store.profile')).toMatchObject({ name: 'OpenCounter demo shop' });
    await call(app, 'store.saveProfile', profile);
    await vi.waitFor(() => expect(server.profiles()).toHaveLength(2), SLOW_MACHINE);
    // Placeholder details go out inactive; the shop's own make the store active.
    expect(server.profiles()[0]!.profile).toMatchObject({ isActive: false });
    expect(server.profiles()[1]!.profile).toMatchObject({
      name: 'Tabaccheria Sud',
      isActive: true,
      timeZone: 'Pacific/Kiritimati',
      capabilities: ['PICK_UP', 'DROP_OFF'],
    });
    // 09:00 UTC is already 23:00 in Kiritimati (UTC+14): the same calendar day there, then the next one an hour later.
    clock.set(Date.UTC(2026, 10, 24, 10, 30));
    expect((await call<{ date: string }>(app, 'hours.today')).date).toBe('2026-11-25');
    expect(server.violations).toEqual([]);
  });
});
