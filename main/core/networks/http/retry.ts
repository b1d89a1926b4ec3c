/** How hard to try before reporting a network as unreachable. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try; it doubles each time, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

export interface RetryDeps {
  /** 0 ≤ x < 1; injected so tests can pin the jitter. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realRetryDeps: RetryDeps = {
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * "Full jitter" backoff: a random wait between 0 and the capped exponential
 * delay, so many stores that lost the network at the same moment do not all
 * come back at the same moment.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Runs `attempt` until it succeeds, a failure is not worth retrying, or the tries run out; the last error is thrown. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= policy.attempts || !isRetryable(error)) throw error;
      await deps.sleep(backoffDelay(tried - 1, policy, deps.random));
    }
  }
}
