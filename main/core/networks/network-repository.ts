import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { CoreError, type FieldIssue } from '../errors';
import { inputIssues } from '../input-issues';
import {
  MAX_TRACKING_PATTERN_LENGTH,
  networkPolicySchema,
  POLICY_LIMITS,
  policyOverridesSchema,
  type NetworkPolicy,
  type PolicyNumberField,
  type PolicyOverrides,
} from './network-shapes';
import { usablePolicyFields, type PolicyRefusal } from './policy-check';
import { sql } from '../db/statements';
import { actingStaffId } from '../staff/acting-staff';
import { PLAIN_TOKEN_CIPHER, type TokenCipher } from './token-cipher';
import { cursorKeys } from '../settings';

export const NETWORK_ADAPTERS = ['demo', 'http'] as const;
export type NetworkAdapterName = (typeof NETWORK_ADAPTERS)[number];

export interface Network {
  id: string;
  name: string;
  adapter: string;
  /** The rules in force: the network's own with the staff's overrides on top. */
  policy: NetworkPolicy;
  /** What the network itself asks (or the defaults it started with). */
  networkPolicy: NetworkPolicy;
  policyOverrides: PolicyOverrides;
  /** Where an HTTP network answers; null for the embedded demo. */
  baseUrl: string | null;
  enabled: boolean;
}

export interface NewNetwork {
  id: string;
  name: string;
  adapter: string;
  policy: NetworkPolicy;
  baseUrl?: string | null;
  token?: string;
  policyOverrides?: PolicyOverrides;
  enabled?: boolean;
}

/**
 * What the staff change in the settings; a token left undefined keeps the
 * stored one, unless the URL changed: a token is only ever for its own URL.
 */
export interface NetworkChanges {
  name: string;
  baseUrl: string | null;
  token?: string;
  policyOverrides: PolicyOverrides;
  enabled: boolean;
}

interface NetworkRow {
  id: string;
  name: string;
  adapter: string;
  policy_json: string;
  policy_overrides_json: string;
  base_url: string | null;
  enabled: number;
}

const SECRET_BYTES = 32;
const COLUMNS = 'id, name, adapter, policy_json, policy_overrides_json, base_url, enabled';

/** Networks, their secrets and tokens. The secret and the token never leave main. */
export class NetworkRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly cipher: TokenCipher = PLAIN_TOKEN_CIPHER,
  ) {}

  list(): Network[] {
    return sql<[], NetworkRow>(this.db, `SELECT ${COLUMNS} FROM networks ORDER BY name`).all().map(toNetwork);
  }

  get(id: string): Network {
    const row = sql<[string], NetworkRow>(this.db, `SELECT ${COLUMNS} FROM networks WHERE id = ?`).get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No network ${id}`);
    return toNetwork(row);
  }

  /** Adds a network with a fresh random QR secret, in one transaction. */
  add(network: NewNetwork): Network {
    const policy = networkPolicySchema.parse(network.policy);
    const overrides = checkedOverrides(policy, network.policyOverrides ?? {});
    const now = this.clock.now();
    this.db
      .transaction(() => {
        if (sql(this.db, 'SELECT 1 FROM networks WHERE id = ?').get(network.id))
          throw new CoreError('CONFLICT', `Network ${network.id} exists`, {
            reason: 'networkExists',
            params: { id: network.id },
            issues: [{ field: 'id', reason: 'networkExists', params: { id: network.id } }],
          });
        sql(
          this.db,
          'INSERT INTO networks (id, name, adapter, policy_json, policy_overrides_json, base_url, enabled, created_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(
          network.id,
          network.name,
          network.adapter,
          JSON.stringify(policy),
          JSON.stringify(overrides),
          network.baseUrl ?? null,
          network.enabled === false ? 0 : 1,
          now,
          actingStaffId(),
        );
        sql(this.db, 'INSERT INTO network_secrets (network_id, secret, created_at) VALUES (?, ?, ?)').run(
          network.id,
          randomBytes(SECRET_BYTES),
          now,
        );
        if (network.token) this.storeToken(network.id, network.token);
      })
      .immediate();
    return this.get(network.id);
  }

  /** The staff's edit of a network's settings, in one transaction. */
  update(id: string, changes: NetworkChanges): Network {
    const current = this.get(id);
    const overrides = checkedOverrides(current.networkPolicy, changes.policyOverrides);
    this.db
      .transaction(() => {
        sql(this.db, 'UPDATE networks SET name = ?, base_url = ?, policy_overrides_json = ?, enabled = ?, updated_by = ? WHERE id = ?').run(
          changes.name,
          changes.baseUrl,
          JSON.stringify(overrides),
          changes.enabled ? 1 : 0,
          actingStaffId(),
          id,
        );
        // Another server: its cursors mean nothing to it, so the store starts from its beginning.
        // The saved token was given for the old server: it must never reach the new one, so the staff enter it again.
        if (changes.baseUrl !== current.baseUrl) {
          for (const key of [cursorKeys.manifest(id), cursorKeys.checkIns(id), cursorKeys.support(id)])
            sql(this.db, 'DELETE FROM settings WHERE key = ?').run(key);
          sql(this.db, 'DELETE FROM network_tokens WHERE network_id = ?').run(id);
        }
        if (changes.token) this.storeToken(id, changes.token);
      })
      .immediate();
    return this.get(id);
  }

  /**
   * A policy change the network announced; the staff's overrides still win. Each field is checked on its own:
   * a refused one keeps its previous value and is returned, the others apply.
   */
  applyNetworkPolicy(id: string, change: Partial<NetworkPolicy>): { network: Network; refused: PolicyRefusal[] } {
    const current = this.get(id);
    const { accepted, refused } = usablePolicyFields(change);
    const policy = networkPolicySchema.parse({ ...current.networkPolicy, ...accepted });
    sql(this.db, 'UPDATE networks SET policy_json = ? WHERE id = ?').run(JSON.stringify(policy), id);
    return { network: this.get(id), refused };
  }

  /** A network id not yet taken, made from its name ("Poste Italiane" → poste-italiane). */
  freeIdFor(name: string): string {
    const base =
      name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) || 'network';
    const taken = new Set(
      sql<[], { id: string }>(this.db, 'SELECT id FROM networks')
        .all()
        .map((r) => r.id),
    );
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  secretOf(id: string): Buffer {
    const row = sql<[string], { secret: Buffer }>(this.db, 'SELECT secret FROM network_secrets WHERE network_id = ?').get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No secret for network ${id}`);
    return row.secret;
  }

  /** The token, or undefined when none is saved or it was sealed by a cipher this run does not have (enter it again). */
  tokenOf(id: string): string | undefined {
    const row = sql<[string], { cipher: string; sealed: Buffer }>(
      this.db,
      'SELECT cipher, sealed FROM network_tokens WHERE network_id = ?',
    ).get(id);
    if (!row) return undefined;
    if (row.cipher === this.cipher.name) return this.cipher.open(row.sealed);
    return row.cipher === PLAIN_TOKEN_CIPHER.name ? PLAIN_TOKEN_CIPHER.open(row.sealed) : undefined;
  }

  /** Seals the tokens stored plain (before encryption was available) with this run's cipher. */
  sealPlainTokens(): void {
    if (this.cipher.name === PLAIN_TOKEN_CIPHER.name) return;
    this.db
      .transaction(() => {
        const plain = sql<[string], { network_id: string; sealed: Buffer }>(
          this.db,
          'SELECT network_id, sealed FROM network_tokens WHERE cipher = ?',
        ).all(PLAIN_TOKEN_CIPHER.name);
        for (const row of plain) this.storeToken(row.network_id, PLAIN_TOKEN_CIPHER.open(row.sealed));
      })
      .immediate();
  }

  private storeToken(id: string, token: string): void {
    sql(
      this.db,
      'INSERT INTO network_tokens (network_id, cipher, sealed, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (network_id) DO UPDATE SET cipher = excluded.cipher, sealed = excluded.sealed, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
    ).run(id, this.cipher.name, this.cipher.seal(token), this.clock.now(), actingStaffId());
  }
}

/**
 * Overrides that, on top of the network's policy, still make a valid policy; otherwise bad input naming each
 * field at fault with the reason (a number out of range, a tracking-ID pattern RE2 cannot run).
 */
function checkedOverrides(policy: NetworkPolicy, overrides: PolicyOverrides): PolicyOverrides {
  const parsed = policyOverridesSchema.safeParse(overrides);
  const refused = parsed.success ? usablePolicyFields(parsed.data).refused : [];
  if (parsed.success && refused.length > 0) {
    const issues = refused.map((r) => ({ field: `policyOverrides.${r.field}`, ...policyIssue(r) }));
    throw new CoreError('BAD_INPUT', `Policy overrides: ${refused.map((r) => `${r.field} (${r.problem})`).join(', ')}`, { issues });
  }
  const merged = parsed.success ? networkPolicySchema.safeParse({ ...policy, ...parsed.data }) : parsed;
  if (!merged.success) {
    const issues = inputIssues(merged.error).map((issue) => ({ ...issue, field: `policyOverrides.${issue.field}` }));
    throw new CoreError('BAD_INPUT', `Policy overrides: ${issues.map((i) => i.field).join(', ')}`, { issues });
  }
  return parsed.data!;
}

/** Why a policy field was refused, as a reason the form translates next to the field. */
function policyIssue(refusal: PolicyRefusal): Pick<FieldIssue, 'reason' | 'params'> {
  switch (refusal.problem) {
    case 'out-of-range':
      return refusal.field in POLICY_LIMITS
        ? { reason: 'outOfRange', params: { ...POLICY_LIMITS[refusal.field as PolicyNumberField] } }
        : { reason: 'invalid' };
    case 'too-long':
      return { reason: 'patternTooLong', params: { max: MAX_TRACKING_PATTERN_LENGTH } };
    case 'empty':
      return { reason: 'patternEmpty' };
    case 'syntax':
      return { reason: 'patternSyntax' };
    case 'unsupported':
      return { reason: 'patternUnsupported' };
  }
}

function toNetwork(row: NetworkRow): Network {
  const networkPolicy = networkPolicySchema.parse(JSON.parse(row.policy_json));
  const policyOverrides = policyOverridesSchema.parse(JSON.parse(row.policy_overrides_json));
  return {
    id: row.id,
    name: row.name,
    adapter: row.adapter,
    policy: { ...networkPolicy, ...policyOverrides },
    networkPolicy,
    policyOverrides,
    baseUrl: row.base_url,
    enabled: row.enabled === 1,
  };
}
