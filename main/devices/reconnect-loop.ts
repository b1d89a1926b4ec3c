import { createBackoff, systemTimers, type BackoffOptions, type Timers } from './backoff';

export interface ReconnectLoopOptions extends BackoffOptions {
  /** One attempt to connect; rejects when the device cannot be opened. */
  connect(): Promise<void>;
  /** An attempt failed; the next one runs in `retryInMs` (unless stopped). */
  onAttemptFailed?(error: unknown, retryInMs: number): void;
  timers?: Timers;
}

export interface ReconnectLoop {
  /** First attempt, right away. */
  start(): void;
  /** The connection was lost: try again after the initial delay, backing off while it fails. */
  lost(): void;
  /** No more attempts; a pending one is cancelled. */
  stop(): void;
  readonly stopped: boolean;
}

/**
 * Keeps a device connected: attempt, and on failure wait (exponential
 * backoff) and attempt again, until stopped. A success resets the backoff.
 * Never more than one attempt in flight or scheduled.
 */
export function createReconnectLoop(options: ReconnectLoopOptions): ReconnectLoop {
  const timers = options.timers ?? systemTimers;
  const backoff = createBackoff(options);
  let stopped = false;
  let pending: unknown;
  let attempting = false;
  let lostWhileAttempting = false;

  const schedule = (delayMs: number) => {
    if (stopped || attempting || pending !== undefined) return;
    pending = timers.setTimeout(() => {
      pending = undefined;
      void attempt();
    }, delayMs);
  };

  const attempt = async () => {
    if (stopped || attempting) return;
    attempting = true;
    lostWhileAttempting = false;
    try {
      await options.connect();
      attempting = false;
      backoff.reset();
      // The connection dropped before connect() returned: go round again.
      if (lostWhileAttempting) schedule(backoff.next());
    } catch (error) {
      attempting = false;
      if (stopped) return;
      const delay = backoff.next();
      options.onAttemptFailed?.(error, delay);
      schedule(delay);
    }
  };

  return {
    start() {
      if (!stopped && !attempting && pending === undefined) void attempt();
    },
    lost() {
      if (attempting) {
        lostWhileAttempting = true;
        return;
      }
      backoff.reset();
      schedule(backoff.next());
    },
    stop() {
      stopped = true;
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = undefined;
    },
    get stopped() {
      return stopped;
    },
  };
}
