import { trackingPatternProblem, type TrackingPatternProblem } from '../scanning/network-patterns';
import { networkPolicySchema, type NetworkPolicy } from './network-shapes';

/** Why one field of a policy was refused: a translation of each is under `networks.policyProblems`. */
export type PolicyFieldProblem = TrackingPatternProblem | 'out-of-range';

export interface PolicyRefusal {
  readonly field: keyof NetworkPolicy;
  readonly problem: PolicyFieldProblem;
}

const FIELDS = Object.keys(networkPolicySchema.shape) as (keyof NetworkPolicy)[];

/**
 * The fields of a policy change that the counter can use, checked one by one: a number out of its range
 * (POLICY_LIMITS) or a tracking-ID pattern RE2 cannot run is refused and left out, so the previous value stays
 * and the rest of the change still applies. Fields the counter does not know are ignored.
 */
export function usablePolicyFields(change: Readonly<Record<string, unknown>>): {
  accepted: Partial<NetworkPolicy>;
  refused: PolicyRefusal[];
} {
  const accepted: Record<string, unknown> = {};
  const refused: PolicyRefusal[] = [];
  for (const field of FIELDS) {
    if (!(field in change) || change[field] === undefined) continue;
    const problem = fieldProblem(field, change[field]);
    if (problem) refused.push({ field, problem });
    else accepted[field] = change[field];
  }
  return { accepted: accepted as Partial<NetworkPolicy>, refused };
}

/** The fields of a policy change the counter knows, values unchecked (usablePolicyFields checks them where they apply). */
export function knownPolicyFields(change: Readonly<Record<string, unknown>>): Partial<NetworkPolicy> {
  return Object.fromEntries(FIELDS.filter((f) => change[f] !== undefined).map((f) => [f, change[f]])) as Partial<NetworkPolicy>;
}

function fieldProblem(field: keyof NetworkPolicy, value: unknown): PolicyFieldProblem | undefined {
  if (field === 'trackingIdPattern') return typeof value === 'string' ? trackingPatternProblem(value) : 'syntax';
  return networkPolicySchema.shape[field].safeParse(value).success ? undefined : 'out-of-range';
}
