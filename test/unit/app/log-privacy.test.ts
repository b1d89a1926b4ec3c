import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logDirOf, openCounterLog, type CounterLog } from '../../../main/app/logging';
import { startCounterApp, type CounterApp } from '../../../main/app/start';
import { ManualClock } from '../../../main/core/clock';
import { startNetworkTestServer, type NetworkTestServer } from '../../network-server/server';
import { TEST_START } from '../../fixtures/core';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
let app: CounterApp | undefined;
let counterLog: CounterLog | undefined;
let server: NetworkTestServer | undefined;
afterEach(async () => {
  app?.close();
  await counterLog?.close();
  await server?.stop();
  app = counterLog = server = undefined;
});

const TOKEN = 'tok_live_privacy_3c9d1e7f';
const WRONG_TOKEN = 'tok_live_wrong_8a2b4c6d';
const CUSTOMERS = [
  { type: 'parcel' as const, trackingId: 'IT0000000101', recipientName: 'Giulia Bianchi', size: 'medium' as const, pickupCode: '482913' },
  { type: 'parcel' as const, trackingId: 'IT0000000102', recipientName: 'Émile Durand', size: 'small' as const, pickupCode: '517204' },
];
const PHONE = '+39 347 123 4567';
const EMAIL = 'giulia.bianchi@example.it';

async function call<T>(name: string, input?: unknown): Promise<T> {
  const answer = await app!.router.dispatch(name, input);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}
const attempt = (name: string, input?: unknown) => app!.router.dispatch(name, input);

describe('the log of a whole day at the counter', () => {
  it('holds no pickup code, token, customer name, phone or email, though every flow ran and networks failed', async () => {
    server = await startNetworkTestServer({ token: TOKEN, networkName: 'Carrier Net' });
    const dataDir = tempDir();
    counterLog = openCounterLog(dataDir, { level: 'debug' });
    app = startCounterApp({
      dataDir,
      clock: new ManualClock(TEST_START),
      version: '1.0.0',
      log: counterLog.log,
      core: { http: { timeoutMs: 2_500, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } } },
    });
    const core = app.core!;
    server.addManifest(core.storeId, CUSTOMERS);

    // A network saved with a wrong token is refused (401), then fixed; the next pulls meet server errors.
    const wrong = await call<{ id: string }>('networks.save', {
      name: 'Carrier Net',
      baseUrl: server.url,
      token: WRONG_TOKEN,
      enabled: true,
      policyOverrides: { trackingIdPattern: '^IT[0-9A-Z]{10}$' },
    });
    await app.poke();
    await app.networksIdle();
    await call('networks.save', {
      id: wrong.id,
      name: 'Carrier Net',
      baseUrl: server.url,
      token: TOKEN,
      enabled: true,
      policyOverrides: { trackingIdPattern: '^IT[0-9A-Z]{10}$' },
    });
    await call('inventory.sync');
    await vi.waitFor(() => expect(core.counter.parcels.byTrackingId('IT0000000101')).toBeDefined(), { timeout: 5_000 });

    // Intake, a wrong code, a pickup by code with each parcel scanned, the inventory searched by name.
    const delivery = await call<{ id: number }>('delivery.handOver', { networkId: wrong.id });
    for (const parcel of CUSTOMERS)
      await call('delivery.scan', { deliveryId: delivery.id, trackingId: parcel.trackingId, method: 'scanner' });
    await call('delivery.complete', { deliveryId: delivery.id });
    await attempt('pickup.start', { code: '999999', method: 'keyboard' });
    const pickup = await call<{ outcome: string; pickup: { id: number } }>('pickup.start', {
      code: CUSTOMERS[0]!.pickupCode,
      method: 'keyboard',
    });
    expect(pickup.outcome).toBe('found');
    await call('pickup.scan', { pickupId: pickup.pickup.id, trackingId: CUSTOMERS[0]!.trackingId, method: 'scanner' });
    await call('pickup.complete', { pickupId: pickup.pickup.id });
    await call('inventory.customers', { filter: { search: 'Durand', states: [] }, offset: 0, limit: 20 });
    await call('inventory.customers', { filter: { search: CUSTOMERS[1]!.pickupCode, states: [] }, offset: 0, limit: 20 });

    // Support with personal data in the text, a call back, and a network down while it is sent.
    server.injectNext('http-500', 6);
    await call('support.open', {
      networkId: wrong.id,
      subject: 'Parcel of Giulia Bianchi',
      email: EMAIL,
      product: 'scanner',
      requestType: 'technical',
      impact: 'blocked',
      description: `Customer Giulia Bianchi (${PHONE}) with code 482913 cannot collect`,
    });
    await call('help.requestCallback', { phone: PHONE, country: 'IT' });
    await app.poke();
    await app.networksIdle();

    // What a hostile page can send: unknown calls and bad input carrying the secrets.
    await attempt(TOKEN, {});
    await attempt(`Giulia Bianchi ${CUSTOMERS[0]!.pickupCode}`, {});
    await attempt('pickup.start', { code: `${CUSTOMERS[1]!.pickupCode}x`, method: 'keyboard', note: 'Émile Durand' });

    app.close();
    app = undefined;
    await counterLog.close();
    counterLog = undefined;
    const dir = logDirOf(dataDir);
    const text = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(dir, entry.name), 'utf8'))
      .join('');
    const lines = text.trim().split('\n');
    // The day did leave a trace: the refused token, the failed sends, the refused calls.
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const secret of [
      TOKEN,
      WRONG_TOKEN,
      PHONE,
      EMAIL,
      'Giulia',
      'Bianchi',
      'Émile',
      'Durand',
      ...CUSTOMERS.map((c) => c.pickupCode),
    ]) {
      expect(text, `the log holds ${secret}`).not.toContain(secret);
    }
  });
});
