import { afterEach, describe, expect, it } from 'vitest';
import { NetworkHttpClient } from '../../../../main/core/networks/http/http-client';
import { HttpNetwork, readManifestPage } from '../../../../main/core/networks/http/http-network';
import { NetworkRequestError } from '../../../../main/core/networks/http/network-error';
import { backoffDelay, withRetry, type RetryPolicy } from '../../../../main/core/networks/http/retry';
import type { OutboundEvent } from '../../../../main/core/networks/network-adapter';
import { startNetworkTestServer, type NetworkTestServer } from '../../../network-server/server';

const TOKEN = 'store-token-1';
const STORE = 'ST-TEST01';
const FAST: RetryPolicy = { attempts: 4, baseDelayMs: 10, maxDelayMs: 40 };

let server: NetworkTestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function memoryCursors() {
  const values = new Map<string, string>();
  return { get: (k: string) => values.get(k), set: (k: string, v: string) => void values.set(k, v), values };
}

async function network(options: { token?: string; timeoutMs?: number; retry?: RetryPolicy } = {}) {
  server ??= await startNetworkTestServer({ token: TOKEN, networkName: 'Carrier Test', slowMs: 400 });
  const sleeps: number[] = [];
  // The platform fetch, watched: which bodies went gzipped.
  const encodings: (string | undefined)[] = [];
  const watched: typeof fetch = (input, init) => {
    if (init?.body) encodings.push((init.headers as Record<string, string>)['content-encoding']);
    return fetch(input, init);
  };
  const client = new NetworkHttpClient({
    fetch: watched,
    baseUrl: server.url,
    token: options.token ?? TOKEN,
    timeoutMs: options.timeoutMs ?? 2_000,
    retry: options.retry ?? FAST,
    retryDeps: { random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) },
  });
  const cursors = memoryCursors();
  return { server, adapter: new HttpNetwork(client, STORE, cursors), sleeps, cursors, encodings };
}

const custody = (n: number, trackingId = `IT${String(n).padStart(10, '0')}`): OutboundEvent => ({
  idempotencyKey: `custody-${n}`,
  kind: 'custody',
  payload: { trackingId, from: 'expected', to: 'received', at: 1_000 + n, method: 'scanner', reason: null },
});

describe('backoff with jitter', () => {
  it('waits a random share of a doubling, capped delay', () => {
    const policy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 4_000 };
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 0.999999))).toEqual([249, 499, 999, 1999, 3999, 3999]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it('stops at the first failure that is not worth retrying, and after the last try', async () => {
    let calls = 0;
    const deps = { random: () => 0.5, sleep: async () => {} };
    const fail = (problem: 'unauthorized' | 'server') => () => {
      calls++;
      return Promise.reject(new NetworkRequestError(problem, problem));
    };
    await expect(withRetry(fail('unauthorized'), (e) => (e as NetworkRequestError).retryable, FAST, deps)).rejects.toThrow('unauthorized');
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetry(fail('server'), (e) => (e as NetworkRequestError).retryable, FAST, deps)).rejects.toThrow('server');
    expect(calls).toBe(FAST.attempts);
  });
});

describe('the HTTP network adapter against a real server on 127.0.0.1', () => {
  it('"Test connection" names the network, and a wrong token is unauthorized without a retry', async () => {
    const { adapter } = await network();
    await expect(adapter.identify()).resolves.toEqual({ networkName: 'Carrier Test', storeId: STORE });
    const wrong = await network({ token: 'wrong' });
    const before = server!.requests.length;
    await expect(wrong.adapter.identify()).rejects.toMatchObject({ problem: 'unauthorized' });
    expect(server!.requests.length - before).toBe(1);
  });

  it('pulls the manifest page by page with its cursor: parcels, recalls and policy changes', async () => {
    const { server, adapter } = await network();
    const parcels = Array.from({ length: 3 }, (_, i) => ({
      type: 'parcel' as const,
      trackingId: `IT${String(i).padStart(10, '0')}`,
      recipientName: `Customer ${i}`,
      size: 'small' as const,
      pickupCode: '123456',
    }));
    server.addManifest(STORE, [
      ...parcels,
      { type: 'recall', trackingId: parcels[0]!.trackingId, reason: 'sender cancelled' },
      { type: 'policy', policy: { retentionDays: 10 } },
    ]);
    const page = await adapter.pullManifest('net', undefined);
    expect(page.items.map((i) => i.trackingId)).toEqual(parcels.map((p) => p.trackingId));
    expect(page.recalls).toEqual([{ trackingId: parcels[0]!.trackingId, reason: 'sender cancelled' }]);
    expect(page.policy).toEqual({ retentionDays: 10 });
    expect(page.hasMore).toBe(false);
    const next = await adapter.pullManifest('net', page.cursor);
    expect(next.items).toEqual([]);
  });

  it('leaves out a change that breaks the protocol and an unknown rule, and keeps the rest of the page', () => {
    const page = readManifestPage({
      cursor: '3',
      hasMore: false,
      changes: [
        { type: 'parcel', trackingId: 'X'.repeat(70), recipientName: 'Too long', size: 'small', pickupCode: '123456' },
        { type: 'parcel', trackingId: 'IT0000000009', recipientName: 'Fine', size: 'large', pickupCode: '654321' },
        { type: 'policy', policy: { retentionDays: 9, lockerSlots: 4 } },
        { type: 'teleport', trackingId: 'IT0000000009' },
      ],
    });
    expect(page.items.map((i) => i.trackingId)).toEqual(['IT0000000009']);
    expect(page.policy).toEqual({ retentionDays: 9 });
    expect(page.skipped).toBe(2);
  });

  it('sends events in order, gzipped when large, the store profile on its own call, and retries a 500 until it lands once', async () => {
    const { server, adapter, sleeps, encodings } = await network();
    const profile: OutboundEvent = { idempotencyKey: 'store-profile:1', kind: 'store-profile', payload: storeProfile() };
    const events = [...Array.from({ length: 40 }, (_, i) => custody(i)), profile, custody(40)];
    server.injectNext('http-500', 2, 'pushEvents');
    await adapter.pushEvents('net', events);
    expect(server.events(STORE).map((e) => e.idempotencyKey)).toEqual(
      events.filter((e) => e.kind === 'custody').map((e) => e.idempotencyKey),
    );
    expect(server.profiles(STORE).map((p) => p.idempotencyKey)).toEqual(['store-profile:1']);
    // The profile went after the first batch and before the last event.
    const operations = server.requests.filter((r) => r.status === 200).map((r) => r.operationId);
    expect(operations).toEqual(['pushEvents', 'putStoreProfile', 'pushEvents']);
    // Two 500s: two waits, the second twice the first (the jitter is pinned at one half).
    expect(sleeps).toEqual([5, 10]);
    // 40 events are well over 1 KiB; the lone last event is not.
    expect(encodings).toEqual(['gzip', 'gzip', 'gzip', undefined, undefined]);
    expect(server.violations).toEqual([]);
  });

  it('reports a network that does not answer in time as a timeout, and a stopped one as unreachable', async () => {
    const { server, adapter } = await network({ timeoutMs: 150, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    server.injectNext('timeout', 2);
    await expect(adapter.pushEvents('net', [custody(1)])).rejects.toMatchObject({ problem: 'timeout' });
    expect(server.events(STORE)).toEqual([]);
    await server.stop();
    await expect(adapter.pushEvents('net', [custody(1)])).rejects.toMatchObject({ problem: 'unreachable' });
  });

  it('sends support cases, replies, closings and call-back requests; a repeat after a lost answer is not recorded twice', async () => {
    const { server, adapter } = await network();
    const items = [
      {
        kind: 'case' as const,
        caseRef: 'CS-000001',
        at: 1,
        subject: 'Scanner',
        requestType: 'technical',
        impact: 'blocked',
        product: 'scanner',
        description: 'It beeps',
        primaryEmail: 'shop@example.com',
        followUpOf: null,
      },
      {
        kind: 'message' as const,
        caseRef: 'CS-000001',
        messageRef: '7',
        at: 2,
        body: 'Photo attached',
        attachments: [{ fileName: 'label.png', mimeType: 'image/png', sizeBytes: 2048 }],
      },
      { kind: 'callback' as const, callbackRef: 'CB-1', at: 3, phone: '+390212345678' },
      { kind: 'closed' as const, caseRef: 'CS-000001', at: 4, reason: 'shop' as const },
    ];
    server.injectNext('drop-after-commit', 1, 'pushSupportItems');
    await adapter.pushSupport('net', items);
    expect(server.supportItems(STORE)).toEqual(items);
    expect(server.duplicates(STORE)).toBe(items.length);
    expect(server.violations).toEqual([]);
  });

  it('keeps the support cursor only once the page before was applied', async () => {
    const { server, adapter, cursors } = await network();
    server.addSupportUpdate(STORE, { id: 'u1', caseRef: 'C-1', kind: 'taken', at: 5 });
    expect((await adapter.pullSupport('net')).map((u) => u.id)).toEqual(['u1']);
    // A crash now would ask again from the start: nothing is lost, and an update applied twice does nothing.
    expect(cursors.values.size).toBe(0);
    server.addSupportUpdate(STORE, { id: 'u2', caseRef: 'C-1', kind: 'answered', body: 'Done', at: 6 });
    expect((await adapter.pullSupport('net')).map((u) => u.id)).toEqual(['u2']);
    expect(cursors.values.size).toBe(1);
  });
});

function storeProfile() {
  return {
    storeId: STORE,
    name: 'Tabacchi Rossi',
    isActive: true,
    timeZone: 'Europe/Rome',
    address: { addressLine1: 'Via Roma 1', city: 'Milano', postalCode: '20121', countryCode: 'IT' },
    standardHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({
      day,
      ranges: [{ opens: '09:00', closes: '13:00' }],
    })),
    exceptionalClosures: [],
    capabilities: ['PICK_UP'],
    capacity: { threshold: 20 },
    changedAt: 1,
  };
}
