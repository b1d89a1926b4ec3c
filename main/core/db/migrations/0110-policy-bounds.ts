import type { Migration } from '../migration';
import { defaultHttpPolicy } from '../../networks/policy';
import { POLICY_LIMITS, POLICY_NUMBER_FIELDS } from '../../networks/network-shapes';
import { trackingPatternProblem } from '../../scanning/network-patterns';

type Stored = Record<string, unknown>;

/** A stored number brought into its range; undefined when it was not a number at all. */
function clamp(field: (typeof POLICY_NUMBER_FIELDS)[number], value: unknown): number | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  const { min, max } = POLICY_LIMITS[field];
  return Math.min(max, Math.max(min, Math.round(value)));
}

/**
 * Earlier versions took any policy number and any pattern JavaScript could compile. Stored values are
 * brought into POLICY_LIMITS: a network's own policy gets each number clamped (the default where it was not a
 * number) and the default pattern where RE2 cannot run its own; a staff override is clamped the same way, or
 * dropped (the network's value applies) where it cannot be used.
 */
export const policyBounds: Migration = {
  version: 110,
  name: 'policy-bounds',
  up(db) {
    const rows = db
      .prepare<[], { id: string; policy_json: string; policy_overrides_json: string }>(
        'SELECT id, policy_json, policy_overrides_json FROM networks',
      )
      .all();
    const update = db.prepare('UPDATE networks SET policy_json = ?, policy_overrides_json = ? WHERE id = ?');
    for (const row of rows) {
      const policy = JSON.parse(row.policy_json) as Stored;
      const overrides = JSON.parse(row.policy_overrides_json) as Stored;
      for (const field of POLICY_NUMBER_FIELDS) {
        policy[field] = clamp(field, policy[field]) ?? defaultHttpPolicy[field];
        if (field in overrides) {
          const clamped = clamp(field, overrides[field]);
          if (clamped === undefined) delete overrides[field];
          else overrides[field] = clamped;
        }
      }
      if (typeof policy.trackingIdPattern !== 'string' || trackingPatternProblem(policy.trackingIdPattern) !== undefined) {
        policy.trackingIdPattern = defaultHttpPolicy.trackingIdPattern;
      }
      if (
        'trackingIdPattern' in overrides &&
        (typeof overrides.trackingIdPattern !== 'string' || trackingPatternProblem(overrides.trackingIdPattern) !== undefined)
      ) {
        delete overrides.trackingIdPattern;
      }
      update.run(JSON.stringify(policy), JSON.stringify(overrides), row.id);
    }
  },
};
