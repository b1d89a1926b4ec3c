import type { CounterCore } from '../../core/counter-core';
import type { NetworkJob } from './network-poller';

/** How long a support case, reply or call-back request waits before another try when its network did not take it. */
export const SUPPORT_RETRY_MS = 30_000;
/** How often a network that cannot say when it will answer is asked for its operator's updates. */
export const SUPPORT_POLL_MS = 5 * 60_000;

/**
 * Exchanges support with each network: sends what the shop wrote (stored
 * first, so it works offline) and applies the operator's updates when they
 * are due (the demo operator stores its plan; other networks are asked every
 * 5 minutes, the first time at start). A network that did not answer is
 * tried again SUPPORT_RETRY_MS later.
 */
export function supportExchange(
  core: Pick<CounterCore, 'networks' | 'adapters' | 'support'>,
  deps: { announce(): void; log(message: string, error?: unknown): void },
): NetworkJob {
  const polledAt = new Map<string, number>();
  const adapterOf = (networkId: string) => {
    const adapter = core.adapters.byId(networkId);
    return adapter?.pushSupport && adapter.pullSupport ? adapter : undefined;
  };
  return {
    name: 'support-exchange',
    networks: () => core.networks.list().flatMap((n) => (n.enabled && adapterOf(n.id) ? [n.id] : [])),
    dueAt: (networkId, now) => {
      const adapter = adapterOf(networkId);
      if (!adapter) return undefined;
      const updatesAt = adapter.nextSupportUpdateAt
        ? adapter.nextSupportUpdateAt(networkId)
        : (polledAt.get(networkId) ?? 0) + SUPPORT_POLL_MS;
      const times = updatesAt === undefined ? [] : [updatesAt];
      if (core.support.pending(networkId) > 0) times.push(now);
      return times.length > 0 ? Math.min(...times) : undefined;
    },
    run: async (networkId, now) => {
      const adapter = adapterOf(networkId);
      if (!adapter) return;
      const { sent, applied } = await core.support.sync(networkId, adapter);
      polledAt.set(networkId, now);
      if (sent + applied > 0) deps.announce();
    },
    retryAfterMs: SUPPORT_RETRY_MS,
    failed: (networkId, error) => deps.log(`support for ${networkId} could not be sent; it stays queued`, error),
  };
}
