import type { Database } from 'better-sqlite3';
import { CoreError, fieldError } from '../errors';
import type { Network, NetworkRepository } from './network-repository';
import type { PolicyOverrides } from './network-shapes';
import { defaultHttpPolicy } from './policy';

/** What the staff enter for an HTTP network in Settings; a token left out keeps the saved one. */
export interface NetworkSettingsInput {
  name: string;
  baseUrl?: string | null;
  token?: string | undefined;
  enabled: boolean;
  policyOverrides: PolicyOverrides;
}

/**
 * Adding and editing networks from Settings. The store record travels with
 * the network's data: a new network gets its first record, and a new
 * capacity a fresh one, in the same transaction as the change.
 */
export class NetworkSettings {
  constructor(
    private readonly db: Database,
    private readonly networks: NetworkRepository,
    /** Queues the store record for the networks named, in the caller's transaction. */
    private readonly publishStoreRecord: (networkIds: readonly string[]) => void,
  ) {}

  add({ name, baseUrl, token, enabled, policyOverrides }: NetworkSettingsInput): Network {
    if (!baseUrl || !token)
      throw new CoreError('BAD_INPUT', 'A new network needs its URL and token', {
        issues: [...(baseUrl ? [] : ['baseUrl']), ...(token ? [] : ['token'])].map((field) => ({ field, reason: 'required' })),
      });
    return this.db
      .transaction(() => {
        const added = this.networks.add({
          id: this.networks.freeIdFor(name),
          name,
          adapter: 'http',
          policy: defaultHttpPolicy,
          baseUrl,
          token,
          policyOverrides,
          enabled,
        });
        this.publishStoreRecord([added.id]);
        return added;
      })
      .immediate();
  }

  update(id: string, { name, baseUrl, token, enabled, policyOverrides }: NetworkSettingsInput): Network {
    const current = this.networks.get(id);
    if (current.adapter === 'http' && !baseUrl) throw fieldError('baseUrl', 'required', 'An HTTP network needs its URL');
    return this.db
      .transaction(() => {
        const updated = this.networks.update(id, {
          name,
          baseUrl: current.adapter === 'http' ? (baseUrl ?? null) : null,
          policyOverrides,
          enabled,
          ...(token ? { token } : {}),
        });
        // The store record carries the capacity: a new one must reach the network.
        if (updated.policy.capacity !== current.policy.capacity) this.publishStoreRecord([id]);
        return updated;
      })
      .immediate();
  }
}
