import type { CounterCore } from '../../core/counter-core';
import type { NetworkJob } from './network-poller';

/** How often an HTTP network's manifest is pulled on its own ("Sync" pulls at once). */
export const MANIFEST_POLL_MS = 5 * 60_000;

/** The enabled networks the app must ask (the embedded demo network announces its own parcels). */
export const remoteNetworks = (core: Pick<CounterCore, 'networks'>) =>
  core.networks.list().filter((n) => n.enabled && n.adapter !== 'demo');

/**
 * Pulls every HTTP network's manifest (announced parcels, recalls, policy
 * changes) at start and every 5 minutes. A failure only marks the network
 * offline; the next pull is at the usual time.
 */
export function manifestPull(
  core: Pick<CounterCore, 'networks' | 'adapters' | 'counter'>,
  deps: { announce(): void; log(message: string, error?: unknown): void },
): NetworkJob {
  const nextAt = new Map<string, number>();
  return {
    name: 'manifest-pull',
    networks: () => remoteNetworks(core).map((n) => n.id),
    dueAt: (networkId, now) => nextAt.get(networkId) ?? now,
    run: async (networkId, now) => {
      nextAt.set(networkId, now + MANIFEST_POLL_MS);
      const adapter = core.adapters.byId(networkId);
      if (!adapter) return;
      const pulled = await core.counter.pull(networkId, adapter);
      // A recall opens an expired-scan window and a policy change moves deadlines: the screen must hear of both.
      if (pulled.added + pulled.recalled > 0 || pulled.policyChanged) deps.announce();
      for (const r of pulled.refusedPolicy)
        deps.log(`${networkId} sent a policy ${r.field} the counter cannot use (${r.problem}); the previous one stays`);
      if (pulled.skipped > 0) deps.log(`${networkId} sent ${pulled.skipped} manifest changes that break the protocol; they were left out`);
    },
    failed: (networkId, error) => deps.log(`${networkId}'s manifest could not be pulled; the app works on and tries again`, error),
  };
}
