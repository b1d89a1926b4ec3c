/** The timer functions drivers use, injectable so tests control time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface BackoffOptions {
  /** First delay after a failure or a lost connection. Default 250 ms. */
  initialDelayMs?: number;
  /** The delay never grows past this. Default 5 000 ms. */
  maxDelayMs?: number;
  /** Growth per failed attempt. Default 2. */
  factor?: number;
}

export interface Backoff {
  /** The delay to wait before the next attempt; each call grows the following one. */
  next(): number;
  /** Back to the initial delay (after a successful connection). */
  reset(): void;
}

/** Exponential backoff: 250, 500, 1000, 2000, 4000, 5000, 5000, ... ms with the defaults. */
export function createBackoff(options: BackoffOptions = {}): Backoff {
  const initial = options.initialDelayMs ?? 250;
  const max = Math.max(initial, options.maxDelayMs ?? 5000);
  const factor = options.factor ?? 2;
  if (!(initial > 0) || !(factor >= 1)) throw new RangeError('backoff needs initialDelayMs > 0 and factor >= 1');
  let delay = initial;
  return {
    next() {
      const current = delay;
      delay = Math.min(max, delay * factor);
      return current;
    },
    reset() {
      delay = initial;
    },
  };
}
