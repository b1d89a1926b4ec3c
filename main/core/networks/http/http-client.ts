import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { NetworkRequestError, isRetryableNetworkError, problemOfStatus } from './network-error';
import { DEFAULT_RETRY, realRetryDeps, withRetry, type RetryDeps, type RetryPolicy } from './retry';

/** Bodies above this size travel gzipped: a 500-event batch shrinks about tenfold. */
const GZIP_ABOVE_BYTES = 1024;

export interface HttpClientOptions {
  /** The network's base URL from settings, e.g. https://carrier.example/opencounter/v1 */
  baseUrl: string;
  token: string;
  /** One try gives up after this long. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  retryDeps?: RetryDeps;
  fetch?: typeof fetch;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * One network's HTTP endpoint: bearer token, gzip both ways, a timeout per
 * try, and retries with backoff for what may pass (5xx, 429, timeouts,
 * dropped connections). Every answer is checked against its schema.
 */
export class NetworkHttpClient {
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly retryDeps: RetryDeps;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HttpClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.retryDeps = options.retryDeps ?? realRetryDeps;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  request<S extends z.ZodType>(request: HttpRequest, answer: S): Promise<z.output<S>> {
    return withRetry(() => this.once(request, answer), isRetryableNetworkError, this.retry, this.retryDeps);
  }

  private async once<S extends z.ZodType>(request: HttpRequest, answer: S): Promise<z.output<S>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.token}`,
      accept: 'application/json',
      'accept-encoding': 'gzip',
      ...request.headers,
    };
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (request.body !== undefined) {
      const json = Buffer.from(JSON.stringify(request.body));
      headers['content-type'] = 'application/json';
      if (json.byteLength > GZIP_ABOVE_BYTES) {
        body = new Uint8Array(gzipSync(json));
        headers['content-encoding'] = 'gzip';
      } else {
        body = new Uint8Array(json);
      }
    }
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(this.urlOf(request), {
        method: request.method,
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new NetworkRequestError(timedOut ? 'timeout' : 'unreachable', `${request.method} ${request.path}: ${describe(error)}`);
    }
    if (!response.ok) {
      const reason = networkReason(text);
      throw new NetworkRequestError(
        problemOfStatus(response.status),
        `${request.method} ${request.path}: HTTP ${response.status}${reason ? ` ${reason}` : ''}`,
        response.status,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new NetworkRequestError('bad-response', `${request.method} ${request.path}: the answer is not JSON`, response.status);
    }
    const checked = answer.safeParse(parsed);
    if (!checked.success) {
      throw new NetworkRequestError('bad-response', `${request.method} ${request.path}: ${checked.error.message}`, response.status);
    }
    return checked.data;
  }

  private urlOf(request: HttpRequest): URL {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }
}

/** The `message` of the network's Error body, when it sent one: what staff and the log need to know. */
function networkReason(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const message = typeof body === 'object' && body !== null && 'message' in body ? body.message : undefined;
    return typeof message === 'string' ? message.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
