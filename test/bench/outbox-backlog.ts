import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../main/core/clock';
import { openCounterCore } from '../../main/core/counter-core';
import { OutboxPump } from '../../main/core/networks/outbox';
import { defaultHttpPolicy } from '../../main/core/networks/policy';
import { startNetworkTestServer, type NetworkTestServer, type StoreEvent } from '../network-server/server';

const EVENTS = 10_000;
/** The most the network API takes in one events batch. */
const BATCH = 500;
const NETWORK = 'bench-http';
const TOKEN = 'bench-token';

/**
 * A backlog of 10 000 custody events in the outbox, delivered by OutboxPump
 * through the HTTP adapter (gzip, retry layer, answers checked with zod, each
 * batch marked delivered in an fsynced transaction) to the OpenAPI test
 * server, against the same events POSTed in the same batches with bare fetch
 * to a second fresh test server, in the same run.
 */
export async function benchOutboxBacklog(): Promise<{ rows: [string, string][] }> {
  const dir = mkdtempSync(join(tmpdir(), 'opencounter-bench-'));
  const servers: NetworkTestServer[] = [];
  const server = async () => {
    const started = await startNetworkTestServer({ token: TOKEN });
    servers.push(started);
    return started;
  };
  try {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9));
    const events: StoreEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
      idempotencyKey: `custody-${i + 1}`,
      kind: 'custody',
      payload: {
        trackingId: `BN${String(i).padStart(10, '0')}`,
        from: 'expected',
        to: 'received',
        at: clock.now() + i,
        method: 'scanner',
        reason: null,
      },
    }));

    // Warms the server's validator and fetch's connection pool, so neither measured run pays for it.
    await postBatches(await server(), 'ST-WARMUP', events.slice(0, BATCH));

    const appServer = await server();
    const core = openCounterCore(dir, clock);
    const storeId = core.storeId;
    core.networks.add({
      id: NETWORK,
      name: 'Bench network',
      adapter: 'http',
      policy: defaultHttpPolicy,
      baseUrl: appServer.url,
      token: TOKEN,
    });
    const insert = core.db.prepare(
      "INSERT INTO outbox (network_id, idempotency_key, kind, payload_json, created_at) VALUES (?, ?, 'custody', ?, ?)",
    );
    core.db.transaction(() => events.forEach((e) => insert.run(NETWORK, e.idempotencyKey, JSON.stringify(e.payload), clock.now())))();
    const pump = new OutboxPump(core.db, core.clock);
    const adapter = core.adapters.byId(NETWORK);
    if (!adapter) throw new Error('the HTTP network has no adapter');
    const appStarted = performance.now();
    const delivered = await pump.deliver(NETWORK, adapter, BATCH);
    const appMs = performance.now() - appStarted;
    const left = pump.pending(NETWORK);
    core.close();
    if (delivered !== EVENTS || left !== 0) throw new Error(`the pump delivered ${delivered} events and left ${left}`);
    assertReceivedOnce(appServer, storeId, 'app');

    const rawServer = await server();
    const rawStarted = performance.now();
    await postBatches(rawServer, storeId, events);
    const rawMs = performance.now() - rawStarted;
    assertReceivedOnce(rawServer, storeId, 'fetch');

    const appRate = (EVENTS / appMs) * 1000;
    const rawRate = (EVENTS / rawMs) * 1000;
    return {
      rows: [
        ['App: OutboxPump → HTTP adapter → test server, batches of 500', `${appRate.toFixed(0)} events/s (${EVENTS} events)`],
        ['Bare fetch POST of the same batches to a fresh test server', `${rawRate.toFixed(0)} events/s`],
        [
          'Ratio app/raw (events/s; both pay the in-process server validating each request and answer against the OpenAPI document)',
          (appRate / rawRate).toFixed(2),
        ],
      ],
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline: plain JSON bodies, no gzip either way, no retries, no database. */
async function postBatches(target: NetworkTestServer, storeId: string, events: readonly StoreEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH) {
    const response = await fetch(`${target.url}/stores/${encodeURIComponent(storeId)}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
      body: JSON.stringify({ events: events.slice(i, i + BATCH) }),
    });
    await response.json();
    if (!response.ok) throw new Error(`POST events: HTTP ${response.status}`);
  }
}

function assertReceivedOnce(target: NetworkTestServer, storeId: string, who: string): void {
  const keys = new Set(target.events(storeId).map((e) => e.idempotencyKey));
  const failed = target.requests.filter((r) => r.status !== 200).length;
  if (keys.size !== EVENTS || target.events(storeId).length !== EVENTS || target.duplicates(storeId) !== 0 || failed > 0) {
    throw new Error(
      `${who}: the server recorded ${target.events(storeId).length} events (${keys.size} distinct, ${target.duplicates(storeId)} duplicates) and ${failed} failed requests`,
    );
  }
  if (target.violations.length > 0) throw new Error(`${who}: OpenAPI violations: ${target.violations.slice(0, 3).join('; ')}`);
}
