import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { validateRequest, validateResponse } from '../../network-server/openapi';
import {
  startNetworkTestServer,
  type ManifestChange,
  type NetworkTestServer,
  type NetworkTestServerOptions,
  type StoreEvent,
} from '../../network-server/server';

const TOKEN = 'test-token';
const STORE = 'shop-1';
const servers: NetworkTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function start(options: Partial<NetworkTestServerOptions> = {}): Promise<NetworkTestServer> {
  const server = await startNetworkTestServer({ token: TOKEN, ...options });
  servers.push(server);
  return server;
}

function call(server: NetworkTestServer, method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/stores/${STORE}${path}`, {
    method,
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const custody = (idempotencyKey: string, trackingId = 'IT0000000001'): StoreEvent => ({
  idempotencyKey,
  kind: 'custody',
  payload: { trackingId, from: 'expected', to: 'received', at: 1_700_000_000_000, method: 'scanner', reason: null },
});
const push = (server: NetworkTestServer, ...keys: string[]): Promise<Response> =>
  call(server, 'POST', '/events', { events: keys.map((k) => custody(k)) });
const parcel = (n: number): ManifestChange => ({
  type: 'parcel',
  trackingId: `IT${String(n).padStart(10, '0')}`,
  recipientName: `Customer ${n}`,
  size: 'small',
  pickupCode: '123456',
});
const keysOf = (server: NetworkTestServer): string[] => server.events().map((e) => e.idempotencyKey);

describe('network test server: the protocol', () => {
  it('refuses a missing or wrong bearer token with 401 unauthorized, and answers getStore with the right one', async () => {
    const server = await start({ networkName: 'Poste test' });
    const missing = await fetch(`${server.url}/stores/${STORE}`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'unauthorized', retryable: false });
    const wrong = await fetch(`${server.url}/stores/${STORE}/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope', 'content-type': 'application/json' },
      body: JSON.stringify({ events: [custody('k1')] }),
    });
    expect(wrong.status).toBe(401);
    expect(server.events()).toEqual([]);

    const info = await call(server, 'GET', '');
    expect(info.status).toBe(200);
    const body = (await info.json()) as { storeId: string; networkName: string; serverTime: number };
    expect(body).toMatchObject({ storeId: STORE, networkName: 'Poste test' });
    expect(Math.abs(body.serverTime - Date.now())).toBeLessThan(5_000);
    expect(server.violations).toEqual([]);
  });

  it('pages the manifest with an opaque cursor, honours limit (default 500) and says when there is more', async () => {
    const server = await start();
    server.addManifest(
      STORE,
      Array.from({ length: 5 }, (_, i) => parcel(i + 1)),
    );
    const pull = async (query: string) =>
      (await (await call(server, 'GET', `/manifest${query}`)).json()) as { changes: ManifestChange[]; cursor: string; hasMore: boolean };

    const first = await pull('?limit=2');
    expect(first.changes).toEqual([parcel(1), parcel(2)]);
    expect(first.hasMore).toBe(true);
    const second = await pull(`?limit=2&cursor=${first.cursor}`);
    expect(second.changes).toEqual([parcel(3), parcel(4)]);
    const third = await pull(`?limit=2&cursor=${second.cursor}`);
    expect(third).toMatchObject({ changes: [parcel(5)], hasMore: false });
    // A pull that was lost is repeated with the same cursor and gives the same page.
    expect(await pull(`?limit=2&cursor=${second.cursor}`)).toEqual(third);
    expect(await pull(`?cursor=${third.cursor}`)).toEqual({ changes: [], cursor: third.cursor, hasMore: false });

    server.addManifest(
      STORE,
      Array.from({ length: 600 }, (_, i) => parcel(i + 6)),
    );
    const next = await pull(`?cursor=${third.cursor}`);
    expect(next.changes).toHaveLength(500);
    expect(next.changes[0]).toEqual(parcel(6));
    expect(next.hasMore).toBe(true);
    expect(server.violations).toEqual([]);
  });

  it('records each event once per idempotency key, in order, and answers repeats as duplicates', async () => {
    const server = await start();
    const first = await push(server, 'a', 'b');
    expect(await first.json()).toEqual({
      results: [
        { idempotencyKey: 'a', status: 'recorded' },
        { idempotencyKey: 'b', status: 'recorded' },
      ],
    });
    const second = await push(server, 'b', 'c', 'c');
    expect(await second.json()).toEqual({
      results: [
        { idempotencyKey: 'b', status: 'duplicate' },
        { idempotencyKey: 'c', status: 'recorded' },
        { idempotencyKey: 'c', status: 'duplicate' },
      ],
    });
    expect(keysOf(server)).toEqual(['a', 'b', 'c']);
    expect(server.events()[0]).toMatchObject({ kind: 'custody', payload: custody('a').payload, recordedAt: expect.any(Number) });
    expect(server.duplicates()).toBe(2);
    expect(server.violations).toEqual([]);
  });

  it('records a store profile once per Idempotency-Key, and support items once per reference', async () => {
    const server = await start();
    const profile = {
      storeId: STORE,
      name: 'Tabacchi Rossi',
      isActive: true,
      timeZone: 'Europe/Rome',
      address: { addressLine1: 'Via Roma 1', city: 'Torino', postalCode: '10121', countryCode: 'IT' },
      standardHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({
        day,
        ranges: [{ opens: '09:00', closes: '19:30' }],
      })),
      exceptionalClosures: [{ date: '2030-08-15', kind: 'holiday', note: 'Ferragosto', ranges: [] }],
      capabilities: ['PICK_UP'],
      capacity: { threshold: 40 },
      changedAt: 1_700_000_000_000,
    };
    const put = () => call(server, 'PUT', '/profile', profile, { headers: { 'idempotency-key': 'profile-1' } });
    expect(await (await put()).json()).toEqual({ recorded: 1, duplicate: 0 });
    expect(await (await put()).json()).toEqual({ recorded: 0, duplicate: 1 });
    expect(server.profiles()).toEqual([{ idempotencyKey: 'profile-1', profile, recordedAt: expect.any(Number) }]);

    const items = [
      {
        kind: 'case',
        caseRef: 'C1',
        at: 1,
        subject: 'Scanner',
        requestType: 'incident',
        impact: 'low',
        product: 'counter',
        description: 'It beeps',
        primaryEmail: 'a@b.it',
        followUpOf: null,
      },
      { kind: 'callback', callbackRef: 'B1', at: 2, phone: '+390111234567' },
    ];
    expect(await (await call(server, 'POST', '/support/items', { items })).json()).toEqual({ recorded: 2, duplicate: 0 });
    expect(await (await call(server, 'POST', '/support/items', { items })).json()).toEqual({ recorded: 0, duplicate: 2 });
    expect(server.supportItems()).toEqual(items);
    expect(server.duplicates()).toBe(3);
    expect(server.violations).toEqual([]);
  });

  it('pages driver check-ins and support updates with a cursor', async () => {
    const server = await start();
    server.addDriverCheckIn(STORE, { id: 'd1', at: 1, driverName: 'Paolo' });
    server.addSupportUpdate(STORE, { id: 'u1', caseRef: 'C1', kind: 'answered', body: 'On its way', at: 2 });
    const checkIns = (await (await call(server, 'GET', '/driver-check-ins')).json()) as { checkIns: unknown[]; cursor: string };
    expect(checkIns.checkIns).toEqual([{ id: 'd1', at: 1, driverName: 'Paolo' }]);
    server.addDriverCheckIn(STORE, { id: 'd2', at: 3 });
    expect(await (await call(server, 'GET', `/driver-check-ins?cursor=${checkIns.cursor}`)).json()).toMatchObject({
      checkIns: [{ id: 'd2', at: 3 }],
    });
    const updates = (await (await call(server, 'GET', '/support/updates')).json()) as { updates: unknown[]; cursor: string };
    expect(updates.updates).toEqual([{ id: 'u1', caseRef: 'C1', kind: 'answered', body: 'On its way', at: 2 }]);
    expect(await (await call(server, 'GET', `/support/updates?cursor=${updates.cursor}`)).json()).toEqual({
      updates: [],
      cursor: updates.cursor,
    });
    expect(server.violations).toEqual([]);
  });

  it('decompresses a gzip request body and answers with gzip only when the client accepts it', async () => {
    const server = await start();
    const gzipped = await fetch(`${server.url}/stores/${STORE}/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'accept-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify({ events: [custody('zipped')] })),
    });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.json()).toEqual({ results: [{ idempotencyKey: 'zipped', status: 'recorded' }] });
    const plain = await call(server, 'GET', '', undefined, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(keysOf(server)).toEqual(['zipped']);
    expect(server.violations).toEqual([]);
  });

  it('keeps its state and its port across stop() and start(), refusing connections in between', async () => {
    const server = await start();
    await push(server, 'before');
    const { port, url } = server;
    await server.stop();
    await expect(push(server, 'while-down')).rejects.toThrow();
    await server.start();
    expect(server.port).toBe(port);
    expect(server.url).toBe(url);
    expect(await (await push(server, 'before', 'after')).json()).toMatchObject({
      results: [{ status: 'duplicate' }, { status: 'recorded' }],
    });
    expect(keysOf(server)).toEqual(['before', 'after']);

    // Straight back up: the client's kept-alive connection to the old listener must not be reused.
    await server.stop();
    await server.start();
    expect((await push(server, 'again')).status).toBe(200);
    expect(keysOf(server)).toEqual(['before', 'after', 'again']);
    expect(server.violations).toEqual([]);
  });

  it('answers 400 to a request that breaks the document and lists it in violations, recording nothing', async () => {
    const server = await start();
    const { idempotencyKey: _dropped, ...withoutKey } = custody('k');
    const refused = await call(server, 'POST', '/events', { events: [withoutKey] });
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as { code: string; message: string; retryable: boolean };
    expect(error).toMatchObject({ code: 'bad_request', retryable: false });
    expect(error.message).toContain("required property 'idempotencyKey'");
    const noKeyHeader = await call(server, 'PUT', '/profile', { storeId: STORE });
    expect(noKeyHeader.status).toBe(400);
    expect(server.events()).toEqual([]);
    expect(server.violations.some((v) => v.startsWith(`POST /v1/stores/${STORE}/events`) && v.includes('idempotencyKey'))).toBe(true);
    expect(server.violations.some((v) => v.includes('header parameter Idempotency-Key is required'))).toBe(true);
  });
});

describe('network test server: faults', () => {
  it('http-500 answers a retryable Error and records nothing', async () => {
    const server = await start();
    server.injectNext('http-500');
    const failed = await push(server, 'k1');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ code: 'unavailable', retryable: true });
    expect(server.events()).toEqual([]);
    expect((await push(server, 'k1')).status).toBe(200);
    expect(keysOf(server)).toEqual(['k1']);
    expect(server.requests.map((r) => [r.operationId, r.status, r.fault])).toEqual([
      ['pushEvents', 500, 'http-500'],
      ['pushEvents', 200, null],
    ]);
    expect(server.violations).toEqual([]);
  });

  it('drop-before-commit makes fetch reject and records nothing', async () => {
    const server = await start();
    server.injectNext('drop-before-commit');
    await expect(push(server, 'k1')).rejects.toThrow();
    expect(server.events()).toEqual([]);
    expect(server.requests[0]).toMatchObject({ operationId: 'pushEvents', status: null, fault: 'drop-before-commit' });
  });

  it('drop-after-commit makes fetch reject although the event is recorded; the retry is a duplicate', async () => {
    const server = await start();
    server.injectNext('drop-after-commit');
    await expect(push(server, 'k1')).rejects.toThrow();
    expect(keysOf(server)).toEqual(['k1']);
    expect(await (await push(server, 'k1')).json()).toEqual({ results: [{ idempotencyKey: 'k1', status: 'duplicate' }] });
    expect(keysOf(server)).toEqual(['k1']);
    expect(server.duplicates()).toBe(1);
  });

  it('duplicate-response applies the request twice (the second as duplicates) and writes two answers', async () => {
    const server = await start();
    server.injectNext('duplicate-response');
    const answered = await push(server, 'k1');
    expect(await answered.json()).toEqual({ results: [{ idempotencyKey: 'k1', status: 'recorded' }] });
    expect(keysOf(server)).toEqual(['k1']);
    expect(server.duplicates()).toBe(1);

    // What actually went over the wire: two complete HTTP responses on one connection.
    server.injectNext('duplicate-response');
    const body = JSON.stringify({ events: [custody('k2')] });
    const raw = await new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(
          `POST /v1/stores/${STORE}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        ),
      );
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(raw.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(raw).toContain('"status":"recorded"');
    expect(raw).toContain('"status":"duplicate"');
    expect(keysOf(server)).toEqual(['k1', 'k2']);
    expect(server.violations).toEqual([]);
  });

  it('timeout never answers: the client aborts, nothing is recorded, and stop() ends a hung request', async () => {
    const server = await start();
    server.injectNext('timeout', 2);
    const aborted = await call(server, 'POST', '/events', { events: [custody('k1')] }, { signal: AbortSignal.timeout(300) }).catch(
      (e: unknown) => e,
    );
    expect((aborted as Error).name).toBe('TimeoutError');
    expect(server.events()).toEqual([]);

    const hung = push(server, 'k2').catch((e: unknown) => e);
    await expect.poll(() => server.requests.length).toBe(2);
    const stopping = Date.now();
    await server.stop();
    expect(Date.now() - stopping).toBeLessThan(1_000);
    expect(await hung).toBeInstanceOf(Error);
    expect(server.events()).toEqual([]);
    expect(server.requests.map((r) => [r.status, r.fault])).toEqual([
      [null, 'timeout'],
      [null, 'timeout'],
    ]);
  });

  it('slow records at once and answers after slowMs', async () => {
    const server = await start({ slowMs: 400 });
    server.injectNext('slow');
    const sent = Date.now();
    const answer = push(server, 'k1');
    await expect.poll(() => keysOf(server)).toEqual(['k1']);
    const response = await answer;
    expect(Date.now() - sent).toBeGreaterThanOrEqual(390);
    expect(await response.json()).toEqual({ results: [{ idempotencyKey: 'k1', status: 'recorded' }] });
    expect(server.requests[0]).toMatchObject({ status: 200, fault: 'slow' });
  });

  it('serves queued faults in order, only to the operation named, and clearFaults() forgets them', async () => {
    const server = await start();
    server.injectNext('http-500', 2, 'pushEvents');
    expect((await call(server, 'GET', '')).status).toBe(200);
    expect((await push(server, 'k1')).status).toBe(500);
    expect((await push(server, 'k1')).status).toBe(500);
    expect((await push(server, 'k1')).status).toBe(200);
    server.injectNext('http-500');
    server.clearFaults();
    expect((await call(server, 'GET', '')).status).toBe(200);
  });

  it('draws random faults from a seed, so the same seed gives the same run', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const server = await start();
      server.setRandomFaults({ rate: 0.5, kinds: ['http-500'], seed });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await call(server, 'GET', '')).status);
      return statuses;
    };
    const first = await run(42);
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run(42)).toEqual(first);
    expect(await run(43)).not.toEqual(first);
  });
});

describe('document checks', () => {
  it('finds what is wrong with an answer or a request, from the document alone', () => {
    expect(
      validateResponse({ method: 'GET', path: '/stores/s1', status: 200, body: { storeId: 's1', networkName: 'n', serverTime: 1 } }),
    ).toEqual([]);
    expect(validateResponse({ method: 'GET', path: '/stores/s1', status: 200, body: { storeId: 's1' } }).join('\n')).toContain(
      'networkName',
    );
    expect(
      validateResponse({ method: 'GET', path: '/stores/s1', status: 503, body: { code: 'x', message: 'm', retryable: true } }),
    ).toEqual([]);
    expect(validateRequest({ method: 'GET', path: '/stores/s1/manifest', query: { limit: '0' } })).toEqual([
      'query parameter limit: must be >= 1',
    ]);
    expect(validateRequest({ method: 'DELETE', path: '/stores/s1' })).toEqual(['no operation of the document for DELETE /stores/s1']);
  });
});
