import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { networkPolicySchema, type NetworkPolicy } from './policy';
import { sql } from '../db/statements';

export interface Network {
  id: string;
  name: string;
  adapter: string;
  policy: NetworkPolicy;
  enabled: boolean;
}

export interface NewNetwork {
  id: string;
  name: string;
  adapter: string;
  policy: NetworkPolicy;
}

interface NetworkRow {
  id: string;
  name: string;
  adapter: string;
  policy_json: string;
  enabled: number;
}

const SECRET_BYTES = 32;

/** Networks and their secrets. The secret never leaves this class except to the driver-QR code in main. */
export class NetworkRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  list(): Network[] {
    const rows = sql<[], NetworkRow>(this.db, 'SELECT id, name, adapter, policy_json, enabled FROM networks ORDER BY name')
      .all();
    return rows.map(toNetwork);
  }

  get(id: string): Network {
    const row = sql<[string], NetworkRow>(this.db, 'SELECT id, name, adapter, policy_json, enabled FROM networks WHERE id = ?')
      .get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No network ${id}`);
    return toNetwork(row);
  }

  /** Adds a network with a fresh random secret, in one transaction. */
  add(network: NewNetwork): Network {
    const policy = networkPolicySchema.parse(network.policy);
    const now = this.clock.now();
    this.db.transaction(() => {
      sql(this.db, 'INSERT INTO networks (id, name, adapter, policy_json, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(network.id, network.name, network.adapter, JSON.stringify(policy), now);
      sql(this.db, 'INSERT INTO network_secrets (network_id, secret, created_at) VALUES (?, ?, ?)')
        .run(network.id, randomBytes(SECRET_BYTES), now);
    }).immediate();
    return this.get(network.id);
  }

  secretOf(id: string): Buffer {
    const row = sql<[string], { secret: Buffer }>(this.db, 'SELECT secret FROM network_secrets WHERE network_id = ?')
      .get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No secret for network ${id}`);
    return row.secret;
  }
}

function toNetwork(row: NetworkRow): Network {
  return {
    id: row.id,
    name: row.name,
    adapter: row.adapter,
    policy: networkPolicySchema.parse(JSON.parse(row.policy_json)),
    enabled: row.enabled === 1,
  };
}
