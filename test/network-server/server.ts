// A carrier network over real HTTP, following docs/network-api.openapi.yaml, that can misbehave on
// purpose (see faults.ts). Every request and every answer is checked against the document.
import { createServer, STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DriverCheckIn, OutboundSupportItem, SupportUpdate } from '../../main/core/networks/network-adapter';
import { FaultPlan, type FaultControls, type FaultKind } from './faults';
import { findOperation, validateComponent, validateRequest, validateResponse } from './openapi';

/** Every path of the document is served below this prefix of `url`. */
const BASE_PATH = '/v1';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

// Shapes of the document, as far as this server and its tests look into them.
export type ParcelState =
  'expected' | 'received' | 'picked_up' | 'refused' | 'missing' | 'expired' | 'return_scanned' | 'returned' | 'damaged_refused';
export type ManifestChange =
  | { type: 'parcel'; trackingId: string; recipientName: string; size: 'small' | 'medium' | 'large'; pickupCode: string }
  | { type: 'recall'; trackingId: string; reason: string }
  | { type: 'policy'; policy: Record<string, string | number> };
// The shapes the store itself reads (the document checks every one the server sends).
export type { DriverCheckIn, SupportUpdate };
export type StoreEvent =
  | {
      idempotencyKey: string;
      kind: 'custody';
      payload: {
        trackingId: string;
        from: ParcelState | null;
        to: ParcelState;
        at: number;
        method: 'scanner' | 'keyboard' | 'manual' | 'system';
        reason: string | null;
      };
    }
  | { idempotencyKey: string; kind: 'capacity'; payload: { capacity: number; at: number } };
export type RecordedEvent = StoreEvent & { recordedAt: number };
/** The whole record is checked against the document; tests mostly look at these fields. */
export interface StoreProfile {
  storeId: string;
  name: string;
  changedAt: number;
  [field: string]: unknown;
}
export interface RecordedProfile {
  idempotencyKey: string;
  profile: StoreProfile;
  recordedAt: number;
}
/** The same shape the store sends (the document checks every one the server receives). */
export type SupportItem = OutboundSupportItem;

export interface LoggedRequest {
  /** Null when no operation of the document matches. */
  operationId: string | null;
  method: string;
  /** As received: base path and query included. */
  path: string;
  /** Null when no answer was written (a dropped or hung request). */
  status: number | null;
  fault: FaultKind | null;
}

export interface NetworkTestServerOptions {
  /** The bearer token every request must carry. */
  token: string;
  /** A random free port when omitted. */
  port?: number;
  networkName?: string;
  /** How late a 'slow' fault answers. Default 1500 ms. */
  slowMs?: number;
  /** Every store starts with these manifest changes (the CLI announces parcels this way). */
  defaultManifest?: readonly ManifestChange[];
}

export interface NetworkTestServer extends FaultControls {
  /** The base URL to put in the store's settings, e.g. `http://127.0.0.1:4100/v1`. */
  readonly url: string;
  readonly port: number;
  addManifest(storeId: string, changes: readonly ManifestChange[]): void;
  addDriverCheckIn(storeId: string, checkIn: DriverCheckIn): void;
  addSupportUpdate(storeId: string, update: SupportUpdate): void;
  /** Without storeId, the accessors read the first store that was seen. */
  events(storeId?: string): RecordedEvent[];
  /** Repeats ignored by the idempotency logic: events, profiles and support items. */
  duplicates(storeId?: string): number;
  profiles(storeId?: string): RecordedProfile[];
  supportItems(storeId?: string): SupportItem[];
  readonly requests: readonly LoggedRequest[];
  /** Every way a request or a sent answer broke the document (and any error of this server). */
  readonly violations: readonly string[];
  /** Closes the server and every open socket, hung ones included; the state is kept. */
  stop(): Promise<void>;
  /** Listens again on the same port, with the same state. */
  start(): Promise<void>;
}

class StoreState {
  readonly manifest: ManifestChange[];
  readonly checkIns: DriverCheckIn[] = [];
  readonly supportUpdates: SupportUpdate[] = [];
  readonly events: RecordedEvent[] = [];
  readonly eventKeys = new Set<string>();
  readonly profiles: RecordedProfile[] = [];
  readonly profileKeys = new Set<string>();
  readonly supportItems: SupportItem[] = [];
  readonly supportRefs = new Set<string>();
  duplicates = 0;

  constructor(manifest: readonly ManifestChange[]) {
    this.manifest = [...manifest];
  }
}

interface Reply {
  status: number;
  body: unknown;
}

interface Call {
  storeId: string;
  store: StoreState;
  networkName: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const failure = (status: number, code: string, message: string, retryable = false): Reply => ({
  status,
  body: { code, message, retryable },
});

/** Cursors are the index of the next item, as a string. */
function afterCursor<T>(
  items: readonly T[],
  cursor: string | null,
  limit = Infinity,
): { page: T[]; cursor: string; hasMore: boolean } | undefined {
  if (cursor !== null && !/^[0-9]{1,9}$/.test(cursor)) return undefined;
  const start = Math.min(Number(cursor ?? 0), items.length);
  const page = items.slice(start, start + limit);
  const end = start + page.length;
  return { page, cursor: String(end), hasMore: end < items.length };
}

const badCursor = (): Reply => failure(400, 'bad_cursor', 'The cursor was not given by this network.');

function supportRef(item: SupportItem): string {
  switch (item.kind) {
    case 'case':
      return `case:${item.caseRef}`;
    case 'message':
      return `message:${item.messageRef}`;
    case 'callback':
      return `callback:${item.callbackRef}`;
    case 'closed':
      return `closed:${item.caseRef}:${item.at}`;
  }
}

// Requests reach these only once they follow the document, so bodies have the documented shape.
const handlers: Record<string, (call: Call) => Reply> = {
  getStore: ({ storeId, networkName }) => ok({ storeId, networkName, serverTime: Date.now() }),

  pullManifest: ({ store, query }) => {
    const paged = afterCursor(store.manifest, query.get('cursor'), Number(query.get('limit') ?? 500));
    return paged ? ok({ changes: paged.page, cursor: paged.cursor, hasMore: paged.hasMore }) : badCursor();
  },

  // The batch is applied in one synchronous pass after validation, so it is all-or-nothing.
  pushEvents: ({ store, body }) => {
    const results = (body as { events: StoreEvent[] }).events.map((event) => {
      if (store.eventKeys.has(event.idempotencyKey)) {
        store.duplicates += 1;
        return { idempotencyKey: event.idempotencyKey, status: 'duplicate' };
      }
      store.eventKeys.add(event.idempotencyKey);
      store.events.push({ ...event, recordedAt: Date.now() });
      return { idempotencyKey: event.idempotencyKey, status: 'recorded' };
    });
    return ok({ results });
  },

  putStoreProfile: ({ store, headers, body }) => {
    const idempotencyKey = String(headers['idempotency-key']);
    if (store.profileKeys.has(idempotencyKey)) {
      store.duplicates += 1;
      return ok({ recorded: 0, duplicate: 1 });
    }
    store.profileKeys.add(idempotencyKey);
    store.profiles.push({ idempotencyKey, profile: body as StoreProfile, recordedAt: Date.now() });
    return ok({ recorded: 1, duplicate: 0 });
  },

  pullDriverCheckIns: ({ store, query }) => {
    const paged = afterCursor(store.checkIns, query.get('cursor'));
    return paged ? ok({ checkIns: paged.page, cursor: paged.cursor }) : badCursor();
  },

  pushSupportItems: ({ store, body }) => {
    let recorded = 0;
    for (const item of (body as { items: SupportItem[] }).items) {
      const ref = supportRef(item);
      if (store.supportRefs.has(ref)) continue;
      store.supportRefs.add(ref);
      store.supportItems.push(item);
      recorded += 1;
    }
    const duplicate = (body as { items: SupportItem[] }).items.length - recorded;
    store.duplicates += duplicate;
    return ok({ recorded, duplicate });
  },

  pullSupportUpdates: ({ store, query }) => {
    const paged = afterCursor(store.supportUpdates, query.get('cursor'));
    return paged ? ok({ updates: paged.page, cursor: paged.cursor }) : badCursor();
  },
};

function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

function encode(reply: Reply, gzip: boolean): { headers: Record<string, string>; payload: Buffer } {
  const json = Buffer.from(JSON.stringify(reply.body));
  const payload = gzip ? gzipSync(json) : json;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(payload.length) };
  if (gzip) headers['content-encoding'] = 'gzip';
  return { headers, payload };
}

/** A whole HTTP/1.1 response as bytes, for writing it on the socket more than once. */
function rawResponse(reply: Reply, gzip: boolean): Buffer {
  const { headers, payload } = encode(reply, gzip);
  const head = [
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`,
    ...Object.entries({ ...headers, connection: 'close' }).map(([k, v]) => `${k}: ${v}`),
  ];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), payload]);
}

class BadBody extends Error {}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadBody(`request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  let raw = Buffer.concat(chunks);
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'gzip') {
    try {
      raw = gunzipSync(raw);
    } catch {
      throw new BadBody('request body is not valid gzip');
    }
  } else if (encoding !== 'identity') {
    throw new BadBody(`request content-encoding ${encoding} is not supported`);
  }
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new BadBody('request body is not JSON');
  }
}

function assertDocumented(schema: string, value: unknown): void {
  const problems = validateComponent(schema, value);
  if (problems.length > 0) throw new Error(`Not a valid ${schema}: ${problems.join('; ')}`);
}

export async function startNetworkTestServer(options: NetworkTestServerOptions): Promise<NetworkTestServer> {
  const networkName = options.networkName ?? 'Test network';
  const slowMs = options.slowMs ?? 1500;
  const defaultManifest = options.defaultManifest ?? [];
  defaultManifest.forEach((change) => assertDocumented('ManifestChange', change));

  const faults = new FaultPlan();
  const stores = new Map<string, StoreState>();
  const requests: LoggedRequest[] = [];
  const violations: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let server: Server | undefined;
  let port = options.port ?? 0;

  const storeFor = (storeId: string): StoreState => {
    let store = stores.get(storeId);
    if (!store) stores.set(storeId, (store = new StoreState(defaultManifest)));
    return store;
  };
  const existing = (storeId: string | undefined): StoreState | undefined =>
    storeId === undefined ? stores.values().next().value : stores.get(storeId);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const url = new URL(path, 'http://test.invalid');
    const apiPath = url.pathname.startsWith(`${BASE_PATH}/`) ? url.pathname.slice(BASE_PATH.length) : undefined;
    const match = apiPath === undefined ? undefined : findOperation(method, apiPath);
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    const log = (status: number | null, fault: FaultKind | null): void =>
      void requests.push({ operationId: match?.operationId ?? null, method, path, status, fault });
    const violation = (problem: string): void => void violations.push(`${method} ${path}: ${problem}`);

    const checked = (reply: Reply): Reply => {
      if (match && apiPath !== undefined)
        validateResponse({ method, path: apiPath, status: reply.status, body: reply.body }).forEach(violation);
      return reply;
    };
    const write = (reply: Reply): void => {
      if (res.destroyed || res.socket?.destroyed) return;
      const { headers, payload } = encode(reply, gzip);
      res.writeHead(reply.status, headers).end(payload);
    };
    const send = (reply: Reply, fault: FaultKind | null = null): void => {
      log(reply.status, fault);
      write(checked(reply));
    };

    let body: unknown;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BadBody)) return; // the client went away while sending
      violation(error.message);
      return send(failure(400, 'bad_request', error.message));
    }

    const problems =
      apiPath === undefined
        ? [`not below ${BASE_PATH}`]
        : validateRequest({ method, path: apiPath, query: url.searchParams, headers: req.headers, body });
    problems.forEach(violation);
    if (!match) return send(failure(404, 'not_found', `No operation for ${method} ${url.pathname}`));
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token !== options.token) return send(failure(401, 'unauthorized', 'Missing or wrong bearer token.'));
    if (problems.length > 0) return send(failure(400, 'bad_request', problems.join('; ')));
    const handler = handlers[match.operationId];
    if (!handler) {
      violation(`the test server does not implement ${match.operationId}`);
      return send(failure(501, 'not_implemented', `${match.operationId} is not implemented by the test server.`));
    }

    const storeId = match.pathParams.storeId ?? '';
    const apply = (): Reply =>
      handler({ storeId, store: storeFor(storeId), networkName, query: url.searchParams, headers: req.headers, body });
    const fault = faults.take(match.operationId) ?? null;
    switch (fault) {
      case 'http-500':
        return send(failure(500, 'unavailable', 'Injected fault: http-500.', true), fault);
      case 'timeout':
        return log(null, fault); // the socket stays open until the client gives up or stop()
      case 'drop-before-commit':
        log(null, fault);
        req.socket.destroy();
        return;
      case 'drop-after-commit':
        apply();
        log(null, fault);
        req.socket.destroy();
        return;
      case 'duplicate-response': {
        const first = checked(apply());
        const second = checked(apply());
        log(first.status, fault);
        // Both answers go on the socket with `Connection: close`: the client reads the first one.
        req.socket.end(Buffer.concat([rawResponse(first, gzip), rawResponse(second, gzip)]));
        return;
      }
      case 'slow': {
        const reply = checked(apply());
        log(reply.status, fault);
        const timer = setTimeout(() => {
          timers.delete(timer);
          write(reply);
        }, slowMs);
        timers.add(timer);
        return;
      }
      case null:
        return send(apply());
    }
  }

  async function listen(): Promise<void> {
    const next = createServer((req, res) => {
      res.on('error', () => {});
      serve(req, res).catch((error: unknown) => {
        violations.push(
          `test server error on ${req.method ?? '?'} ${req.url ?? '?'}: ${error instanceof Error ? error.stack : String(error)}`,
        );
        if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
      });
    });
    next.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('error', () => {}); // a client that aborts resets the connection
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject);
        resolve();
      });
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  }

  await listen();

  return {
    get url() {
      return `http://127.0.0.1:${port}${BASE_PATH}`;
    },
    get port() {
      return port;
    },
    injectNext: (kind, count, operationId) => faults.injectNext(kind, count, operationId),
    setRandomFaults: (random) => faults.setRandomFaults(random),
    clearFaults: () => faults.clearFaults(),
    addManifest(storeId, changes) {
      changes.forEach((change) => assertDocumented('ManifestChange', change));
      storeFor(storeId).manifest.push(...changes);
    },
    addDriverCheckIn(storeId, checkIn) {
      assertDocumented('DriverCheckIn', checkIn);
      storeFor(storeId).checkIns.push(checkIn);
    },
    addSupportUpdate(storeId, update) {
      assertDocumented('SupportUpdate', update);
      storeFor(storeId).supportUpdates.push(update);
    },
    events: (storeId) => [...(existing(storeId)?.events ?? [])],
    duplicates: (storeId) => existing(storeId)?.duplicates ?? 0,
    profiles: (storeId) => [...(existing(storeId)?.profiles ?? [])],
    supportItems: (storeId) => [...(existing(storeId)?.supportItems ?? [])],
    requests,
    violations,
    async stop() {
      const closing = server;
      if (!closing) return;
      server = undefined;
      timers.forEach(clearTimeout);
      timers.clear();
      const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
      sockets.forEach((socket) => socket.destroy());
      await closed;
      // A client in this process sees its keep-alive sockets close only after a poll phase; without
      // this wait its first request after start() can go out on a dead socket ("other side closed").
      await new Promise((resolve) => setTimeout(resolve, 10));
    },
    async start() {
      if (!server) await listen();
    },
  };
}
