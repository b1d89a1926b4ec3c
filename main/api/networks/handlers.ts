import type { CounterCore } from '../../core/counter-core';
import { problemOf } from '../../core/networks/http/network-error';
import type { Network } from '../../core/networks/network-repository';
import { sql } from '../../core/db/statements';
import type { NetworkConfig, NetworkLink } from './schemas';
import type { HandlersOf } from '../call';
import type { networkCalls } from './calls';

function configOf(core: Pick<CounterCore, 'networks'>, n: Network): NetworkConfig {
  return {
    id: n.id,
    name: n.name,
    adapter: n.adapter === 'http' ? 'http' : 'demo',
    baseUrl: n.baseUrl,
    hasToken: core.networks.tokenOf(n.id) !== undefined,
    enabled: n.enabled,
    policy: n.policy,
    networkPolicy: n.networkPolicy,
    policyOverrides: n.policyOverrides,
  };
}

/** Every network's link as the status bar shows it: online or not, last answer, events waiting. */
export function networkLinks(core: Pick<CounterCore, 'db' | 'networks' | 'links' | 'support'>): NetworkLink[] {
  const counts = new Map(
    sql<[], { network_id: string; pending: number; refused: number }>(
      core.db,
      `SELECT network_id, count(*) FILTER (WHERE refused_at IS NULL) AS pending, count(*) FILTER (WHERE refused_at IS NOT NULL) AS refused
       FROM outbox WHERE delivered_at IS NULL GROUP BY network_id`,
    )
      .all()
      .map((r) => [r.network_id, r]),
  );
  return core.networks
    .list()
    .filter((n) => n.enabled)
    .map((n) => {
      const link = core.links.status(n.id);
      // The demo network lives inside the app: it is reachable even before its first call of this run.
      const state = n.adapter === 'demo' && link.state === 'unknown' ? 'online' : link.state;
      // Support cases, replies and call-backs wait for the network too: they count among its events waiting.
      const pending = (counts.get(n.id)?.pending ?? 0) + core.support.pending(n.id);
      return { ...link, state, name: n.name, pending, refused: counts.get(n.id)?.refused ?? 0 };
    });
}

/** Network settings, "Test connection", link status and driver check-ins. */
export function networkHandlers(
  core: Pick<CounterCore, 'db' | 'networks' | 'networkSettings' | 'adapters' | 'links' | 'checkIns' | 'support'>,
  changed: () => void,
): HandlersOf<typeof networkCalls> {
  return {
    'networks.list': () =>
      core.networks.list().map((n) => ({
        id: n.id,
        name: n.name,
        enabled: n.enabled,
        deliveryScannedBy: n.policy.deliveryScannedBy,
        retentionDays: n.policy.retentionDays,
      })),
    'networks.configs': () => core.networks.list().map((n) => configOf(core, n)),
    'networks.save': ({ id, ...input }) => {
      const network = id === undefined ? core.networkSettings.add(input) : core.networkSettings.update(id, input);
      changed();
      return configOf(core, network);
    },
    'networks.testConnection': async ({ networkId, baseUrl, token }) => {
      // The saved token goes only to the saved URL: a typo in the address must not hand it to another host.
      const saved = networkId === undefined ? undefined : core.networks.get(networkId);
      const usable = token ?? (saved && saved.baseUrl === baseUrl ? core.networks.tokenOf(saved.id) : undefined);
      if (!usable) return { ok: false, problem: 'no-token' };
      try {
        const identity = await core.adapters.probe({ baseUrl, token: usable });
        return { ok: true, networkName: identity.networkName };
      } catch (error) {
        return { ok: false, problem: problemOf(error) };
      }
    },
    'networks.links': () => networkLinks(core),
    'networks.checkIns': () => {
      const names = new Map(core.networks.list().map((n) => [n.id, n.name]));
      return core.checkIns.current().map((c) => ({ ...c, networkName: names.get(c.networkId) ?? c.networkId }));
    },
    'networks.dismissCheckIn': ({ id }) => {
      core.checkIns.dismiss(id);
      changed();
      return null;
    },
  };
}
