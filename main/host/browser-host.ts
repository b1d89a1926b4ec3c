import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { CounterApp } from '../app/start';
import type { AdjustableClock } from '../core/clock';
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';
import { readStaticFile } from './static-files';
import { handleTestHook } from './test-hooks';
import { bindRouterToWebSocket } from './ws-binding';
import { ownOrigins, refusalOf } from './request-guard';
import { MAX_CALL_FRAME_BYTES } from '../api/wire';

export interface BrowserHostOptions {
  app: CounterApp;
  rendererDir: string;
  port: number;
  /** Present only with --test-hooks: the clock the hooks may move. */
  testClock?: AdjustableClock;
  log?: (message: string) => void;
}

export interface BrowserHost {
  port: number;
  close(): Promise<void>;
}

const MAX_HOOK_BODY = 64 * 1024;

/**
 * Serves the built renderer and the router on 127.0.0.1 only. Every request
 * must name this host (no DNS rebinding), a state-changing one must not come
 * from another origin, and a WebSocket upgrade must come from this very page,
 * so another site open in the same browser cannot drive the counter. A
 * malformed request or frame closes that one connection, never the host.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { app } = options;
  const log = options.log ?? ((message: string) => console.error(`[opencounter] ${message}`));
  const port = () => (server.address() as AddressInfo).port;
  const server = createServer((req, res) => {
    handleHttp(req, res, options, port()).catch((error: unknown) => {
      log(`request ${req.method} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) reply(res, 500, { ok: false });
      else res.destroy();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CALL_FRAME_BYTES });
  const unbind = bindRouterToWebSocket(wss, app.router, app.events, log);

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (req.url !== '/api' || refusalOf(req, port()) || !ownOrigins(port()).includes(req.headers.origin ?? '')) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      unbind();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handleHttp(req: IncomingMessage, res: ServerResponse, options: BrowserHostOptions, port: number): Promise<void> {
  const refusal = refusalOf(req, port);
  if (refusal) return reply(res, refusal.status, { ok: false, error: { code: 'FORBIDDEN', message: refusal.reason } });
  let url: URL;
  let path: string;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
    path = decodeURIComponent(url.pathname);
  } catch {
    return reply(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'Malformed path' } });
  }
  if (url.pathname.startsWith('/test/')) {
    if (!options.testClock) return reply(res, 404, { ok: false });
    let text: string;
    try {
      text = req.method === 'POST' ? await readBody(req) : '';
    } catch {
      res.setHeader('Connection', 'close');
      return reply(res, 413, { ok: false, error: { code: 'BAD_INPUT', message: 'Body too large' } });
    }
    let body: unknown;
    try {
      body = req.method === 'POST' ? JSON.parse(text || 'null') : undefined;
    } catch {
      return reply(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'Body is not JSON' } });
    }
    const clock = options.testClock;
    const answer = await handleTestHook(req.method ?? 'GET', url.pathname, body, {
      clock,
      scan: (code, source) => options.app.receiveScan({ code, source }),
      clockMoved: () => options.app.poke(),
    });
    return answer ? reply(res, answer.status, answer.body) : reply(res, 404, { ok: false });
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { ok: false });
  const file =
    (await readStaticFile(options.rendererDir, path)) ??
    (path.includes('.') ? undefined : await readStaticFile(options.rendererDir, '/index.html'));
  if (!file) return reply(res, 404, { ok: false });
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace(
      "connect-src 'self'",
      "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
    ),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_HOOK_BODY) {
        reject(new Error('Body too large'));
        req.pause();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
