import type { Clock } from './clock';

/** A rule that has something due at a time it can compute from the database and the clock. */
export interface DeadlineSource {
  name: string;
  /** The next time this source has work, or undefined for none. Read fresh on every wake. */
  nextAt(now: number): number | undefined;
  /** Does the work that is due at `now`. */
  run(now: number): void | Promise<void>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Wakes at the earliest deadline any source reports, runs what is due and
 * sleeps again. The timer is never the record: every wake re-reads the
 * sources, and a wake is capped so a clock that jumps (test hooks, a laptop
 * waking up) is noticed within MAX_SLEEP_MS.
 *
 * A source that throws keeps its deadline in the past, so it would be run
 * again at once, for ever: instead it waits FIRST_RETRY_MS, doubling on each
 * failure up to MAX_SLEEP_MS, and the other sources run on their own times.
 */
export class Scheduler {
  static readonly MAX_SLEEP_MS = 60_000;
  static readonly FIRST_RETRY_MS = 1_000;
  private handle: unknown;
  /** Sources whose last run or nextAt failed: how often in a row, and not before when. */
  private readonly failing = new Map<DeadlineSource, { count: number; retryAt: number }>();
  private running = false;
  private stopped = true;

  constructor(
    private readonly clock: Clock,
    private readonly sources: DeadlineSource[],
    private readonly onError: (source: string, error: unknown) => void = () => {},
    private readonly timers: Timers = realTimers,
  ) {}

  start(): void {
    this.stopped = false;
    void this.wake();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  /** Re-reads the deadlines now: call after anything that may have moved one (a write, a clock change). */
  poke(): Promise<void> {
    return this.wake();
  }

  private async wake(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    try {
      const now = this.clock.now();
      for (const source of this.sources) {
        const due = this.nextAt(source, now);
        if (due !== undefined && due <= now) {
          try {
            await source.run(now);
            this.failing.delete(source);
          } catch (error) {
            this.failed(source, now, error);
          }
        }
      }
    } finally {
      this.running = false;
    }
    this.arm();
  }

  private arm(): void {
    if (this.stopped) return;
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    const now = this.clock.now();
    const next = Math.min(...this.sources.map((s) => this.nextAt(s, now) ?? Infinity), now + Scheduler.MAX_SLEEP_MS);
    this.handle = this.timers.setTimeout(() => void this.wake(), Math.max(0, next - now));
  }

  /** When `source` wants to run next, no sooner than its retry time if it has been failing. */
  private nextAt(source: DeadlineSource, now: number): number | undefined {
    const retryAt = this.failing.get(source)?.retryAt;
    if (retryAt !== undefined && retryAt > now) return retryAt;
    let at: number | undefined;
    try {
      at = source.nextAt(now);
    } catch (error) {
      this.failed(source, now, error);
      return this.failing.get(source)!.retryAt;
    }
    return at === undefined || retryAt === undefined ? at : Math.max(at, retryAt);
  }

  private failed(source: DeadlineSource, now: number, error: unknown): void {
    const count = (this.failing.get(source)?.count ?? 0) + 1;
    const delay = Math.min(Scheduler.FIRST_RETRY_MS * 2 ** Math.min(count - 1, 16), Scheduler.MAX_SLEEP_MS);
    this.failing.set(source, { count, retryAt: now + delay });
    this.onError(source.name, error);
  }
}

/**
 * A source that only tells someone when a stored time passes (a deadline that
 * blocks the counter, a reminder that falls due): `next(after)` is the first
 * such time after the last one announced.
 */
export function announceWhenDue(
  name: string,
  clock: Clock,
  next: (after: number) => number | undefined,
  announce: () => void,
): DeadlineSource {
  let checkedAt = clock.now();
  return {
    name,
    nextAt: () => next(checkedAt),
    run: (now) => {
      checkedAt = now;
      announce();
    },
  };
}
