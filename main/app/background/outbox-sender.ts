import type { CounterCore } from '../../core/counter-core';
import { OutboxPump } from '../../core/networks/outbox';
import type { DeadlineSource } from '../../core/scheduler';
import { NetworkRuns } from './network-runs';

/** How long a network that failed waits before its queued events are tried again. */
export const OUTBOX_RETRY_MS = 30_000;

export interface OutboxSenderDeps {
  log(message: string, error?: unknown): void;
  /** A delivery run ended (the counts of waiting events may have changed). */
  settled(): void;
}

/**
 * Sends each network's queued events in the background: one run per network
 * at a time (a change during a run asks for one more after it), networks side
 * by side so one that hangs holds no other back, and a network that failed is
 * tried again OUTBOX_RETRY_MS later on the scheduler's clock.
 */
export class OutboxSender {
  private readonly pump: OutboxPump;
  private readonly runs = new NetworkRuns((networkId) => this.settled(networkId));
  private readonly again = new Set<string>();
  private readonly failedAt = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly core: CounterCore,
    private readonly deps: OutboxSenderDeps,
  ) {
    this.pump = new OutboxPump(core.db, core.clock);
  }

  /** Sends what waits for every enabled network (or asks for another run where one is going). */
  push(): void {
    if (this.closed) return;
    for (const network of this.core.networks.list()) {
      if (!network.enabled) continue;
      if (this.runs.isBusy(network.id)) this.again.add(network.id);
      else if (this.pump.pending(network.id) > 0) this.run(network.id);
    }
  }

  /** The scheduler source that retries failed networks. */
  retries(): DeadlineSource {
    return {
      name: 'outbox-retry',
      nextAt: () => (this.failedAt.size === 0 ? undefined : Math.min(...this.failedAt.values()) + OUTBOX_RETRY_MS),
      run: (now) => {
        for (const [networkId, at] of this.failedAt) if (at + OUTBOX_RETRY_MS <= now) this.failedAt.delete(networkId);
        this.push();
      },
    };
  }

  close(): void {
    this.closed = true;
  }

  private run(networkId: string): void {
    const adapter = this.core.adapters.byId(networkId);
    if (!adapter) return;
    this.runs.start(
      networkId,
      async () => {
        await this.pump.deliver(networkId, adapter);
        this.failedAt.delete(networkId);
      },
      (error) => {
        this.failedAt.set(networkId, this.core.clock.now());
        this.deps.log(`events could not be sent to ${networkId}; they stay queued`, error);
      },
    );
  }

  private settled(networkId: string): void {
    if (this.closed) return;
    this.deps.settled();
    if (this.again.delete(networkId) && !this.failedAt.has(networkId)) this.push();
  }
}
