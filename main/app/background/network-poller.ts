import type { Clock } from '../../core/clock';
import type { DeadlineSource } from '../../core/scheduler';

/** One kind of background work each network gets: for which networks, when it is due, what to call, how to back off. */
export interface NetworkJob {
  /** The scheduler source's name, and what the logs call it. */
  name: string;
  /** The networks this work is for now. */
  networks(): readonly string[];
  /** When the network next has this work to do; undefined for none. Read fresh on every wake. */
  dueAt(networkId: string, now: number): number | undefined;
  /** The work: calls the network. A throw counts as a failed run. */
  run(networkId: string, now: number): Promise<void>;
  /** After a failed run the network is left alone this long; without it, until the work is due again. */
  retryAfterMs?: number;
  failed(networkId: string, error: unknown): void;
}

/**
 * Runs a NetworkJob in the background for every network: at most one run per
 * network at a time, networks side by side so one that hangs holds no other
 * back, and never inside the scheduler, so a slow network never delays a
 * deadline. `settled` is told when a run ends (the scheduler looks again).
 */
export class NetworkPoller {
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly failedAt = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly job: NetworkJob,
    private readonly clock: Clock,
    private readonly settled: (networkId: string) => void,
  ) {}

  /** The scheduler's view: wakes when the first network's work falls due, starts what is due. */
  source(): DeadlineSource {
    return {
      name: this.job.name,
      nextAt: (now) => {
        const times = this.job.networks().flatMap((id) => this.nextFor(id, now, true) ?? []);
        return times.length > 0 ? Math.min(...times) : undefined;
      },
      run: (now) => this.runDue(now),
    };
  }

  /** Starts the due work of every network now; `ignoreBackoff` also retries networks that failed (something changed). */
  runDue(now = this.clock.now(), { ignoreBackoff = false } = {}): void {
    if (this.closed) return;
    for (const id of this.job.networks()) {
      const at = this.nextFor(id, now, !ignoreBackoff);
      if (at !== undefined && at <= now) this.start(id, now);
    }
  }

  close(): void {
    this.closed = true;
  }

  /** Resolves once no run is in flight, including runs started while it waits. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  get isIdle(): boolean {
    return this.running.size === 0;
  }

  private nextFor(id: string, now: number, backOff: boolean): number | undefined {
    if (this.busy.has(id)) return undefined;
    const due = this.job.dueAt(id, now);
    const failed = this.failedAt.get(id);
    if (due === undefined || !backOff || failed === undefined || this.job.retryAfterMs === undefined) return due;
    return Math.max(due, failed + this.job.retryAfterMs);
  }

  private start(id: string, now: number): void {
    this.busy.add(id);
    const run = this.job
      .run(id, now)
      .then(
        () => this.failedAt.delete(id),
        (error: unknown) => {
          // The wait counts from when the run began, on the app's clock.
          this.failedAt.set(id, now);
          this.job.failed(id, error);
        },
      )
      .finally(() => {
        this.busy.delete(id);
        this.running.delete(run);
        if (!this.closed) this.settled(id);
      });
    this.running.add(run);
  }
}
