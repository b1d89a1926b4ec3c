import type { CounterCore } from './core/counter-core';
import type { DeadlineSource } from './core/scheduler';
import type { Network } from './core/networks/network-repository';
import type { StoredCheckIn } from './core/networks/driver-check-ins';
import { NetworkRuns } from './network-runs';

/** How often an HTTP network's manifest is pulled on its own ("Sync" pulls at once). */
export const MANIFEST_POLL_MS = 5 * 60_000;
/** How often an HTTP network is asked whether a driver checked in: a driver waits only briefly. */
export const CHECK_IN_POLL_MS = 15_000;

export interface NetworkSyncDeps {
  /** Parcels may have changed. */
  announce(): void;
  checkedIn(checkIn: StoredCheckIn & { networkName: string }): void;
  log(message: string, error?: unknown): void;
  /** Asks the scheduler to look again (a background sync finished). */
  wake(): void;
}

/**
 * The app syncs on its own: every enabled network that is not the embedded
 * demo is asked for its manifest every 5 minutes and for driver check-ins
 * every 15 seconds. The work runs in the background so a slow network never
 * holds up a deadline; a failure only marks the network offline.
 */
export function networkSync(core: CounterCore, deps: NetworkSyncDeps): DeadlineSource {
  const manifestAt = new Map<string, number>();
  const checkInsAt = new Map<string, number>();
  const runs = new NetworkRuns(() => deps.wake());
  // A network without a usable token (its URL changed, or it was sealed by another keychain) waits for one:
  // counted as due, it would be run again at once, forever.
  const remote = () => core.networks.list().filter((n) => n.enabled && n.adapter !== 'demo' && core.adapters.for(n) !== undefined);
  const due = (network: Network, now: number) => ({
    manifest: (manifestAt.get(network.id) ?? now) <= now,
    checkIns: (checkInsAt.get(network.id) ?? now) <= now,
  });

  const syncOne = async (network: Network, now: number): Promise<void> => {
    const adapter = core.adapters.for(network);
    if (!adapter) return;
    const { manifest, checkIns } = due(network, now);
    if (checkIns) {
      checkInsAt.set(network.id, now + CHECK_IN_POLL_MS);
      if (adapter.pullDriverCheckIns) {
        const page = await adapter.pullDriverCheckIns(network.id, core.checkIns.cursorOf(network.id));
        const before = new Set(core.checkIns.current().map((c) => c.id));
        if (core.checkIns.record(network.id, page.checkIns, page.cursor) > 0) {
          for (const c of core.checkIns.current()) if (!before.has(c.id)) deps.checkedIn({ ...c, networkName: network.name });
        }
      }
    }
    if (manifest) {
      manifestAt.set(network.id, now + MANIFEST_POLL_MS);
      const pulled = await core.counter.pull(network.id, adapter);
      // A recall opens an expired-scan window and a policy change moves deadlines: the screen must hear of both.
      if (pulled.added + pulled.recalled > 0 || pulled.policyChanged) deps.announce();
      if (pulled.skipped > 0) deps.log(`${network.id} sent ${pulled.skipped} manifest changes that break the protocol; they were left out`);
    }
  };

  return {
    name: 'network-sync',
    nextAt: (now) => {
      const times = remote().flatMap((n) => (runs.isBusy(n.id) ? [] : [manifestAt.get(n.id) ?? now, checkInsAt.get(n.id) ?? now]));
      return times.length > 0 ? Math.min(...times) : undefined;
    },
    run: (now) => {
      for (const network of remote()) {
        const { manifest, checkIns } = due(network, now);
        if (!manifest && !checkIns) continue;
        runs.start(
          network.id,
          () => syncOne(network, now),
          (error) => deps.log(`${network.id} could not be synced; the app works on and tries again`, error),
        );
      }
    },
  };
}
