import type { CounterCore } from '../../core/counter-core';
import type { DeadlineSource } from '../../core/scheduler';
import { NetworkRuns } from './network-runs';

/** How long a support case, reply or call-back request waits before another try when its network did not take it. */
export const SUPPORT_RETRY_MS = 30_000;
/** How often a network that cannot say when it will answer is asked for its operator's updates. */
export const SUPPORT_POLL_MS = 5 * 60_000;

export interface SupportSyncDeps {
  announce(): void;
  log(message: string, error?: unknown): void;
  /** Asks the scheduler to look again (a background sync finished). */
  wake(): void;
}

/**
 * Help and support on the clock: sends what the shop wrote (stored first, so
 * it works offline), applies the operator's updates when they are due (the
 * demo operator stores its plan; other networks are asked every 5 minutes,
 * the first time at start), and closes answered cases after 7 days without a
 * reply. The network calls run in the background, one per network at a
 * time, so a network that hangs never holds up a deadline.
 */
export function supportSync(core: CounterCore, deps: SupportSyncDeps): DeadlineSource {
  const retryAt = new Map<string, number>();
  const polledAt = new Map<string, number>();
  const runs = new NetworkRuns(() => deps.wake());
  const supportNetworks = () =>
    core.networks.list().flatMap((network) => {
      const adapter = network.enabled && !runs.isBusy(network.id) ? core.adapters.for(network) : undefined;
      return adapter?.pushSupport && adapter.pullSupport ? [{ network, adapter }] : [];
    });
  const dueAt = (networkId: string, nextUpdateAt: number | undefined, now: number): number | undefined => {
    const times = nextUpdateAt === undefined ? [] : [nextUpdateAt];
    if (core.support.pending(networkId) > 0) times.push(retryAt.get(networkId) ?? now);
    return times.length > 0 ? Math.min(...times) : undefined;
  };
  const nextUpdateAt = (networkId: string, adapter: ReturnType<typeof supportNetworks>[number]['adapter']) =>
    adapter.nextSupportUpdateAt ? adapter.nextSupportUpdateAt(networkId) : (polledAt.get(networkId) ?? 0) + SUPPORT_POLL_MS;

  return {
    name: 'support',
    nextAt: (now) => {
      const times: number[] = [];
      const autoClose = core.support.nextAutoCloseAt();
      if (autoClose !== undefined) times.push(autoClose);
      for (const { network, adapter } of supportNetworks()) {
        const at = dueAt(network.id, nextUpdateAt(network.id, adapter), now);
        if (at !== undefined) times.push(at);
      }
      return times.length > 0 ? Math.min(...times) : undefined;
    },
    run: (now) => {
      if (core.support.sweepAutoClose(now) > 0) deps.announce();
      for (const { network, adapter } of supportNetworks()) {
        const at = dueAt(network.id, nextUpdateAt(network.id, adapter), now);
        if (at === undefined || at > now) continue;
        runs.start(
          network.id,
          async () => {
            const { sent, applied } = await core.support.sync(network.id, adapter);
            retryAt.delete(network.id);
            polledAt.set(network.id, now);
            if (sent + applied > 0) deps.announce();
          },
          (error) => {
            retryAt.set(network.id, now + SUPPORT_RETRY_MS);
            deps.log(`support for ${network.id} could not be sent; it stays queued`, error);
          },
        );
      }
    },
  };
}
