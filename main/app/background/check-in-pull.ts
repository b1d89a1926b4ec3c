import type { CounterCore } from '../../core/counter-core';
import type { StoredCheckIn } from '../../core/networks/driver-check-ins';
import { remoteNetworks } from './manifest-pull';
import type { NetworkJob } from './network-poller';

/** How often an HTTP network is asked whether a driver checked in: a driver waits only briefly. */
export const CHECK_IN_POLL_MS = 15_000;

/** Asks every HTTP network every 15 seconds which drivers scanned the store's QR, and announces each new one once. */
export function checkInPull(
  core: Pick<CounterCore, 'networks' | 'adapters' | 'checkIns'>,
  deps: { checkedIn(checkIn: StoredCheckIn & { networkName: string }): void; log(message: string, error?: unknown): void },
): NetworkJob {
  const nextAt = new Map<string, number>();
  return {
    name: 'check-in-pull',
    networks: () => remoteNetworks(core).map((n) => n.id),
    dueAt: (networkId, now) => nextAt.get(networkId) ?? now,
    run: async (networkId, now) => {
      nextAt.set(networkId, now + CHECK_IN_POLL_MS);
      const adapter = core.adapters.byId(networkId);
      if (!adapter?.pullDriverCheckIns) return;
      const page = await adapter.pullDriverCheckIns(networkId, core.checkIns.cursorOf(networkId));
      const before = new Set(core.checkIns.current().map((c) => c.id));
      if (core.checkIns.record(networkId, page.checkIns, page.cursor) > 0) {
        const name = core.networks.get(networkId).name;
        for (const c of core.checkIns.current()) if (!before.has(c.id)) deps.checkedIn({ ...c, networkName: name });
      }
    },
    failed: (networkId, error) => deps.log(`${networkId} could not be asked for driver check-ins; the app tries again`, error),
  };
}
