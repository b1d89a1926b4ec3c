import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { HOST_BUNDLE } from '../../scripts/build-host.mjs';

/** The repository root: the host is started from here, as `npm run serve` does. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const READY_LINE = /OpenCounter browser host on (http:\/\/127\.0\.0\.1:(\d+))\//;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

export interface HostOptions {
  dataDir: string;
  testHooks?: boolean;
  /** A serial scanner device for --serial (a socat pty in tests). */
  serial?: string;
  /**
   * With test hooks, a test manager (PIN 1234) exists and is signed in at
   * every start (--test-staff), so specs need no sign-in step. false: the
   * real first start (setup screen), for the specs of sign-in itself.
   */
  signedIn?: boolean;
  /** --kiosk: the counter starts in kiosk mode. */
  kiosk?: boolean;
  /** A fixed port (a restart on the port the page is still connected to); the OS picks one if absent. */
  port?: number;
}

/** One browser host child process (main/host/cli.ts, bundled by the suite's global set-up) on a port the OS chose. */
export interface RunningHost {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  /** The page: `http://127.0.0.1:<port>/`. */
  url: string;
  port: number;
  dataDir: string;
  testHooks: boolean;
  /** Everything the host wrote to stdout and stderr so far, for failure messages. */
  output(): string;
  /** POST /test/scan: main receives the code as if a scanner had read it. */
  scan(code: string, source?: 'wedge' | 'serial' | 'hid'): Promise<void>;
  /** POST /test/clock; returns the app's clock time after the move. */
  advanceClock(ms: number): Promise<number>;
  /** POST /test/clock with `hold`: the app's clock stands still (true) or runs on from there (false). */
  holdClock(held: boolean): Promise<number>;
  /** The app's clock time (POST /test/clock with advanceMs 0). */
  now(): Promise<number>;
  /** One call on the contract over the WebSocket, as the renderer makes it; returns the value or throws. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  /** SIGTERM, then SIGKILL if it does not exit in time. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const testHooks = options.testHooks ?? true;
  const args = ['--enable-source-maps', HOST_BUNDLE, '--port', String(options.port ?? 0), '--data-dir', options.dataDir];
  if (testHooks) args.push('--test-hooks');
  if (testHooks && options.signedIn !== false) args.push('--test-staff');
  if (options.kiosk) args.push('--kiosk');
  if (options.serial) args.push('--serial', options.serial);
  // Lets a developer run the suite against a renderer built elsewhere while another build is in progress.
  if (process.env.OPENCOUNTER_RENDERER_DIR) args.push('--renderer-dir', process.env.OPENCOUNTER_RENDERER_DIR);
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let origin: string;
  try {
    origin = await waitForReadyLine(child, () => output);
  } catch (error) {
    await kill(child, exited);
    throw error;
  }
  const port = Number(new URL(origin).port);

  const postClock = async (request: { advanceMs: number; hold?: boolean }): Promise<number> => {
    const response = await fetch(`${origin}/test/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as { ok: boolean; now?: number };
    if (!response.ok || !body.ok || typeof body.now !== 'number') {
      throw new Error(`POST /test/clock answered ${response.status} ${JSON.stringify(body)}`);
    }
    return body.now;
  };
  const host: RunningHost = {
    origin,
    url: `${origin}/`,
    port,
    dataDir: options.dataDir,
    testHooks,
    output: () => output,
    advanceClock: (ms) => postClock({ advanceMs: ms }),
    holdClock: (held) => postClock({ advanceMs: 0, hold: held }),
    now: () => host.advanceClock(0),
    scan: async (code, source = 'wedge') => {
      const response = await fetch(`${origin}/test/scan`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code, source }),
      });
      if (!response.ok) throw new Error(`POST /test/scan answered ${response.status} ${await response.text()}`);
    },
    call: (name, input) => callOverWebSocket(origin, name, input),
    stop: () => kill(child, exited),
  };

  if (testHooks) {
    try {
      await waitForHealth(origin);
    } catch (error) {
      await host.stop();
      throw new Error(`${(error as Error).message}\n--- host output ---\n${output}`);
    }
  }
  return host;
}

function waitForReadyLine(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`The host did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const onData = () => {
      const match = READY_LINE.exec(output());
      if (match) done(undefined, match[1]);
    };
    const onExit = (code: number | null) => done(new Error(`The host exited with ${code} before it was ready`));
    const done = (error?: Error, origin?: string) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(new Error(`${error.message}\n--- host output ---\n${output()}`));
      else resolve(origin!);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

async function waitForHealth(origin: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}/test/health`);
      const body = (await response.json()) as { ok?: boolean };
      if (response.ok && body.ok === true) return;
      last = `${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`GET /test/health never answered {ok:true} (last: ${last})`);
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Opens a WebSocket to /api with the given Origin header; resolves once open, rejects with the HTTP status if refused. */
export function openApiSocket(origin: string, headerOrigin: string = origin): Promise<WebSocket> {
  const url = `${origin.replace(/^http/, 'ws')}/api`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin: headerOrigin });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => {
      reject(new UpgradeRefused(response.statusCode ?? 0));
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`WebSocket upgrade refused with HTTP ${status}`);
    this.name = 'UpgradeRefused';
  }
}

async function callOverWebSocket<T>(origin: string, name: string, input: unknown): Promise<T> {
  const socket = await openApiSocket(origin);
  try {
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No answer to ${name}`)), 5_000);
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { id?: number; envelope?: { ok: boolean; value?: T; error?: unknown } };
        if (frame.id !== 1 || !frame.envelope) return;
        clearTimeout(timer);
        if (frame.envelope.ok) resolve(frame.envelope.value as T);
        else reject(new Error(`${name} failed: ${JSON.stringify(frame.envelope.error)}`));
      });
      socket.send(JSON.stringify({ id: 1, call: name, input }));
    });
  } finally {
    socket.close();
  }
}
