import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { MAX_CALL_FRAME_BYTES } from '../../../main/api/wire';
import { buildHost } from '../../../scripts/build-host.mjs';
import { openApiSocket, startHost, type RunningHost } from '../../e2e/host';

/**
 * What a hostile local program or web page can send the browser host, sent
 * to a real host child process: after each attack the process must still be
 * running and its other connections must still be answered.
 */
let host: RunningHost;
let dataDir: string;
let bystander: WebSocket;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'opencounter-attacks-'));
  // The same bundled host the e2e suite starts (its global set-up builds it; the unit run has none).
  await buildHost();
  host = await startHost({ dataDir, testHooks: true });
  bystander = await openApiSocket(host.origin);
}, 30_000);

afterAll(async () => {
  bystander?.terminate();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

let nextId = 1;
function callOn(socket: WebSocket, name: string, input?: unknown): Promise<{ ok: boolean }> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${name}`)), 5_000);
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as { id?: number; envelope?: { ok: boolean } };
      if (frame.id !== id) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(frame.envelope!);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, call: name, input }));
  });
}

/** The host process is alive, serves HTTP and still answers the connection opened before the attack. */
async function expectHostAlive(): Promise<void> {
  expect(host.output()).not.toMatch(/exited|Error:/);
  expect((await fetch(`${host.origin}/test/health`)).status).toBe(200);
  expect(await callOn(bystander, 'system.status')).toMatchObject({ ok: true });
}

interface FrameSpec {
  opcode: number;
  payload?: Buffer;
  masked?: boolean;
  /** Claim this length in the header instead of the payload's own. */
  claimedLength?: number;
}

/** One WebSocket frame built by hand (RFC 6455 §5.2), so it can break the rules on purpose. */
function frame({ opcode, payload = Buffer.alloc(0), masked = true, claimedLength }: FrameSpec): Buffer {
  const length = claimedLength ?? payload.length;
  const head = [0x80 | opcode];
  const maskBit = masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(BigInt(length));
  }
  const mask = masked ? Buffer.from([0x12, 0x34, 0x56, 0x78]) : Buffer.alloc(0);
  const body = masked ? Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!)) : payload;
  return Buffer.concat([Buffer.from(head), extended, mask, body]);
}

/** A raw TCP connection that completed the WebSocket handshake from the host's own page. */
function rawWebSocket(): Promise<{ socket: Socket; closed: Promise<Buffer> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let upgraded = false;
    const closed = new Promise<Buffer>((done) => socket.once('close', () => done(received)));
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      if (upgraded) {
        received = Buffer.concat([received, chunk]);
        return;
      }
      const text = chunk.toString('latin1');
      if (!text.startsWith('HTTP/1.1 101')) return reject(new Error(`handshake refused: ${text.split('\r\n')[0]}`));
      upgraded = true;
      received = chunk.subarray(text.indexOf('\r\n\r\n') + 4);
      resolve({ socket, closed });
    });
    socket.write(
      [
        'GET /api HTTP/1.1',
        `Host: 127.0.0.1:${host.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        `Origin: ${host.origin}`,
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** The close code in the server's close frame, if it sent one. */
function closeCodeOf(received: Buffer): number | undefined {
  const at = received.findIndex((b, i) => b === 0x88 && i + 3 < received.length);
  return at < 0 ? undefined : received.readUInt16BE(at + 2);
}

describe('WebSocket protocol errors close that connection only', () => {
  const attacks: [string, FrameSpec, number][] = [
    ['a frame over the size limit', { opcode: 0x1, claimedLength: MAX_CALL_FRAME_BYTES + 1 }, 1009],
    ['invalid UTF-8 in a text frame', { opcode: 0x1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }, 1007],
    ['an unmasked client frame', { opcode: 0x1, payload: Buffer.from('{}'), masked: false }, 1002],
    ['a reserved opcode', { opcode: 0x3, payload: Buffer.from('x') }, 1002],
  ];

  it.each(attacks)('%s', async (_name, spec, code) => {
    const { socket, closed } = await rawWebSocket();
    socket.write(frame(spec));
    const received = await closed;
    expect(closeCodeOf(received)).toBe(code);
    await expectHostAlive();
  });

  it('a frame as large as the largest legitimate call (a reply with every attachment at its largest) gets through', async () => {
    const socket = await openApiSocket(host.origin);
    try {
      const file = { fileName: 'x'.repeat(120), mimeType: 'text/plain', base64: Buffer.alloc(1024 * 1024, 0x61).toString('base64') };
      const answer = await callOn(socket, 'support.reply', { caseId: 999, body: '\u0001'.repeat(5000), attachments: [file, file, file] });
      // The case does not exist: what matters is that main read and answered the call.
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      socket.close();
    }
  });
});

interface RawAnswer {
  status: number;
  body: string;
}

/** An HTTP request with exactly the given path and headers (fetch would normalise or refuse some). */
function rawHttp(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('odd paths', () => {
  it.each(['/%', '/%ff', '/%E0%A4%A', '/test/%', '/inventory/%c0'])('GET %s answers 400 and the host lives', async (path) => {
    expect((await rawHttp(path)).status).toBe(400);
    await expectHostAlive();
  });

  it('a test-hook body over the limit answers 413 and the host lives', async () => {
    const answer = await rawHttp('/test/clock', { method: 'POST', body: `{"advanceMs":1,"pad":"${'x'.repeat(100_000)}"}` }).catch(
      // The host may close the connection before it read the whole body: that is a refusal too.
      () => ({ status: 413, body: '' }),
    );
    expect(answer.status).toBe(413);
    await expectHostAlive();
  });
});

describe('Host and Origin', () => {
  it('refuses a request naming another host (DNS rebinding), for pages, hooks and the WebSocket', async () => {
    for (const name of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, `127.0.0.1.evil.example:${host.port}`]) {
      expect((await rawHttp('/', { headers: { host: name } })).status, name).toBe(421);
      expect((await rawHttp('/test/health', { headers: { host: name } })).status, name).toBe(421);
    }
    const upgrade = await rawHttp('/api', {
      headers: {
        host: `evil.example:${host.port}`,
        origin: host.origin,
        upgrade: 'websocket',
        connection: 'Upgrade',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-version': '13',
      },
    }).catch(() => ({ status: 403, body: '' }));
    expect(upgrade.status).toBe(403);
    // Control: both of the host's own names work.
    expect((await rawHttp('/test/health', { headers: { host: `localhost:${host.port}` } })).status).toBe(200);
    expect((await rawHttp('/test/health')).status).toBe(200);
  });

  it('refuses a state-changing request from a foreign Origin, even a text/plain one that needs no preflight', async () => {
    const before = await host.now();
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      const answer = await rawHttp('/test/clock', {
        method: 'POST',
        headers: { origin, 'content-type': 'text/plain' },
        body: JSON.stringify({ advanceMs: 400 * 24 * 3600 * 1000 }),
      });
      expect(answer.status, origin).toBe(403);
    }
    const scan = await rawHttp('/test/scan', {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
      body: '{"code":"QC1","source":"serial"}',
    });
    expect(scan.status).toBe(403);
    expect(await host.now()).toBeLessThan(before + 60_000);
    // Control: the page's own origin may move the clock.
    const own = await rawHttp('/test/clock', { method: 'POST', headers: { origin: host.origin }, body: '{"advanceMs":0}' });
    expect(own.status).toBe(200);
  });
});
