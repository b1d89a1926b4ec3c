import type { IncomingMessage } from 'node:http';

/** Methods that only read: a foreign page may trigger them (an <img>), so they must change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Refusal {
  status: 403 | 421;
  reason: string;
}

/** The origins this host's own page is served from. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Refuses a request that did not come from this host's own page: a Host other
 * than 127.0.0.1:<port> or localhost:<port> (a DNS-rebound name reaches the
 * same socket but not the same origin), and a state-changing request whose
 * Origin is present and foreign (a form or a text/plain fetch from another
 * site needs no CORS preflight, so the browser sends it anyway).
 */
export function refusalOf(req: Pick<IncomingMessage, 'method' | 'headers'>, port: number): Refusal | undefined {
  const own = ownOrigins(port);
  const host = req.headers.host;
  if (!host || !own.includes(`http://${host.toLowerCase()}`)) return { status: 421, reason: 'Host is not this counter' };
  const origin = req.headers.origin;
  if (!SAFE_METHODS.has(req.method ?? 'GET') && origin !== undefined && !own.includes(origin)) {
    return { status: 403, reason: 'Origin is not this counter' };
  }
  return undefined;
}
