import type { CounterCore } from '../../core/counter-core';
import { OutboxPump } from '../../core/networks/outbox';
import type { NetworkJob } from './network-poller';

/** How long a network that failed waits before its queued events are tried again. */
export const OUTBOX_RETRY_MS = 30_000;

/**
 * Sends each enabled network its queued events, oldest first, whenever some
 * wait; a network that failed is tried again OUTBOX_RETRY_MS later (or at
 * once when something new is queued or the network answers again).
 */
export function outboxSending(
  core: Pick<CounterCore, 'db' | 'clock' | 'networks' | 'adapters'>,
  log: (message: string, error?: unknown) => void,
): NetworkJob {
  const pump = new OutboxPump(core.db, core.clock);
  return {
    name: 'outbox-sending',
    networks: () => core.networks.list().flatMap((n) => (n.enabled && core.adapters.byId(n.id) ? [n.id] : [])),
    dueAt: (networkId, now) => (pump.pending(networkId) > 0 ? now : undefined),
    run: async (networkId) => {
      const adapter = core.adapters.byId(networkId);
      if (adapter) await pump.deliver(networkId, adapter);
    },
    retryAfterMs: OUTBOX_RETRY_MS,
    failed: (networkId, error) => log(`events could not be sent to ${networkId}; they stay queued`, error),
  };
}
