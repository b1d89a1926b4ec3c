import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCounterApp, type CounterApp } from '../../../main/app/start';
import { AdjustableClock, systemClock } from '../../../main/core/clock';
import { startBrowserHost, type BrowserHost } from '../../../main/host/browser-host';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(testHooks: boolean) {
  const dataDir = tempDir();
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
  const clock = new AdjustableClock();
  const app: CounterApp = startCounterApp({ dataDir, clock: testHooks ? clock : systemClock, version: '0.0.0', testHooks, log: () => {} });
  const host: BrowserHost = await startBrowserHost({ app, rendererDir, port: 0, testClock: testHooks ? clock : undefined });
  cleanups.push(
    () => app.close(),
    () => host.close(),
  );
  return { app, host, base: `http://127.0.0.1:${host.port}`, dataDir, rendererDir };
}

function connect(base: string, origin = base): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api`, { origin });
    ws.once('open', () => {
      cleanups.push(() => ws.close());
      resolve(ws);
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, id: number, name: string, input?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data));
      if (frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.envelope);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, call: name, input }));
  });
}

function nextEvent(
  ws: WebSocket,
  name: string,
): Promise<Record<string, unknown> & { step: number; validFrom: number; validUntil: number }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data));
      if (frame.event === name) {
        ws.off('message', onMessage);
        resolve(frame.payload);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('browser host', () => {
  it('serves the router over a WebSocket from its own page', async () => {
    const { base } = await start(false);
    const ws = await connect(base);
    expect(await call(ws, 1, 'system.status')).toMatchObject({ ok: true, value: { state: 'ready', testHooks: false } });
    expect(await call(ws, 2, 'settings.setLanguage', { language: 'xx' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses a WebSocket from another origin', async () => {
    const { base } = await start(false);
    await expect(connect(base, 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('listens on 127.0.0.1 only', async () => {
    const { host } = await start(false);
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!external) return; // a machine with loopback only has nothing else to try
    await expect(fetch(`http://${external.address}:${host.port}/`)).rejects.toThrow();
  });

  it('has no test hooks without --test-hooks', async () => {
    const { base } = await start(false);
    expect((await fetch(`${base}/test/health`)).status).toBe(404);
    expect((await fetch(`${base}/test/clock`, { method: 'POST', body: '{"advanceMs":1}' })).status).toBe(404);
  });

  it('does not serve files outside the renderer folder', async () => {
    const { base, rendererDir } = await start(false);
    writeFileSync(join(rendererDir, '..', 'secret.txt'), 'do not serve');
    const res = await fetch(`${base}/..%2Fsecret.txt`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('do not serve');
  });

  it('sends the Content-Security-Policy with the page', async () => {
    const { base } = await start(false);
    const res = await fetch(`${base}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('test hooks', () => {
  it('report health', async () => {
    const { base } = await start(true);
    expect(await (await fetch(`${base}/test/health`)).json()).toEqual({ ok: true });
  });

  it('move the app clock forward, and main pushes the new driver QR', async () => {
    const { base } = await start(true);
    const ws = await connect(base);
    const before = (await call(ws, 1, 'driverQr.show', { networkId: 'demo-it' })) as { value: { step: number } };
    const pushed = nextEvent(ws, 'driverQr.rotated');
    const res = await fetch(`${base}/test/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 90_000 }) });
    const body = (await res.json()) as { ok: boolean; now: number };
    expect(body.ok).toBe(true);
    const event = await pushed;
    expect(event.step).toBeGreaterThanOrEqual(before.value.step + 3);
    expect(event.validFrom).toBeLessThanOrEqual(body.now);
    expect(event.validUntil).toBeGreaterThan(body.now);
  });

  it('hold the app clock still, and let it run on from there without a jump', async () => {
    const { base } = await start(true);
    const post = async (body: unknown) =>
      ((await (await fetch(`${base}/test/clock`, { method: 'POST', body: JSON.stringify(body) })).json()) as { now: number }).now;
    const held = await post({ advanceMs: 0, hold: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await post({ advanceMs: 0 })).toBe(held);
    expect(await post({ advanceMs: 1_000 })).toBe(held + 1_000);
    const released = await post({ advanceMs: 0, hold: false });
    expect(released).toBeGreaterThanOrEqual(held + 1_000);
    expect(released).toBeLessThan(held + 1_000 + 40);
  });

  it('refuse a clock that goes backwards or a malformed body', async () => {
    const { base } = await start(true);
    for (const body of ['{"advanceMs":-1}', '{"advanceMs":"1"}', '{}', 'not json', '{"advanceMs":1,"x":2}']) {
      expect((await fetch(`${base}/test/clock`, { method: 'POST', body })).status, body).toBe(400);
    }
  });

  it('deliver a scan to the renderer as if from the named scanner', async () => {
    const { base } = await start(true);
    const ws = await connect(base);
    const scanned = nextEvent(ws, 'scanner.scanned');
    const res = await fetch(`${base}/test/scan`, { method: 'POST', body: JSON.stringify({ code: 'QC0000000001', source: 'serial' }) });
    expect(res.status).toBe(200);
    expect(await scanned).toMatchObject({ code: 'QC0000000001', source: 'serial' });
    expect((await fetch(`${base}/test/scan`, { method: 'POST', body: JSON.stringify({ code: '', source: 'usb' }) })).status).toBe(400);
  });
});

describe('a database that cannot be opened', () => {
  it('still starts, says why, and refuses every other call', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'opencounter.sqlite'), 'this is not a database file, it is plain text long enough'.repeat(100));
    const app = startCounterApp({ dataDir, clock: systemClock, version: '1.2.3', log: () => {} });
    cleanups.push(() => app.close());
    const status = await app.router.dispatch('system.status', undefined);
    expect(status).toMatchObject({ ok: true, value: { state: 'database-error', version: '1.2.3' } });
    expect(await app.router.dispatch('networks.list', undefined)).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_UNAVAILABLE' },
    });
  });
});
