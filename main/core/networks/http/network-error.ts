import type { NetworkProblem } from '../network-shapes';

const RETRYABLE: ReadonlySet<NetworkProblem> = new Set(['server', 'timeout', 'unreachable']);

export class NetworkRequestError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly problem: NetworkProblem,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'NetworkRequestError';
    this.retryable = RETRYABLE.has(problem);
  }
}

/** The problem an HTTP status stands for: 429 and 5xx are worth another try, other 4xx are not. */
export function problemOfStatus(status: number): NetworkProblem {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 429 || status >= 500) return 'server';
  return 'rejected';
}

export function isRetryableNetworkError(error: unknown): boolean {
  return error instanceof NetworkRequestError && error.retryable;
}

export function problemOf(error: unknown): NetworkProblem {
  return error instanceof NetworkRequestError ? error.problem : 'unreachable';
}
