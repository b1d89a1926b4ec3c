import { RE2JS } from 're2js';
import { MAX_TRACKING_PATTERN_LENGTH } from '../networks/network-shapes';
import type { CheckDigitScheme } from './check-digits';
import { passesCheckDigit } from './check-digits';

/** What the classifier needs to know of a network: its ID and how its tracking IDs look. */
export interface ScanNetwork {
  readonly id: string;
  /**
   * An RE2 regular expression (no flags) that a whole tracking ID must match, after the scan is upper-cased
   * and stripped of whitespace. It is applied as a full match, so an unanchored pattern does not match a part
   * of a longer code.
   */
  readonly trackingIdPattern: string;
  readonly checkDigit?: CheckDigitScheme;
}

export interface ScanWarning {
  readonly code: 'invalid-network-pattern';
  readonly network: string;
  readonly message: string;
}

/** The networks of the shop as the classifier wants them: enabled ones only, in the order given. */
export function scanNetworksOf(
  networks: readonly { id: string; enabled?: boolean; policy: { trackingIdPattern: string; checkDigit?: CheckDigitScheme } }[],
): ScanNetwork[] {
  return networks
    .filter((n) => n.enabled !== false)
    .map((n) =>
      n.policy.checkDigit
        ? { id: n.id, trackingIdPattern: n.policy.trackingIdPattern, checkDigit: n.policy.checkDigit }
        : { id: n.id, trackingIdPattern: n.policy.trackingIdPattern },
    );
}

/** Why a tracking-ID pattern cannot be used: each has a translation under `networks.patternProblems`. */
export type TrackingPatternProblem = 'empty' | 'too-long' | 'syntax' | 'unsupported';

export type CompiledPattern = { ok: true; regex: RE2JS } | { ok: false; problem: TrackingPatternProblem; detail: string };

/**
 * Patterns come from outside (a network's policy, a staff override) and run on every scan, so they run on RE2
 * (re2js): matching takes time linear in the code whatever the pattern, where a backtracking engine can spend
 * minutes on `(A+)+B`. RE2 has no look-around and no back-references; such a pattern is refused as
 * 'unsupported' rather than run on the backtracking engine.
 *
 * Compiled patterns are kept between calls: compiling is the costly part and patterns change rarely. The cache
 * only memoises a pure function of the pattern text; it is bounded and simply cleared when full.
 */
const compiled = new Map<string, CompiledPattern>();
const CACHE_LIMIT = 256;

/** The full-match RE2 expression of `pattern`, or why it cannot be used. */
export function compileTrackingPattern(pattern: string): CompiledPattern {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const result = compileUncached(pattern);
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

function compileUncached(pattern: string): CompiledPattern {
  if (typeof pattern !== 'string' || pattern.length === 0) return { ok: false, problem: 'empty', detail: 'empty pattern' };
  if (pattern.length > MAX_TRACKING_PATTERN_LENGTH) {
    return { ok: false, problem: 'too-long', detail: `longer than ${MAX_TRACKING_PATTERN_LENGTH} characters` };
  }
  try {
    return { ok: true, regex: RE2JS.compile(pattern) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: compilesInJavaScript(pattern) ? 'unsupported' : 'syntax', detail };
  }
}

/** Only to tell "not a pattern at all" from "a pattern RE2 will not run"; the JavaScript engine never matches. */
function compilesInJavaScript(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Why `pattern` cannot be used as a tracking-ID pattern, or undefined when it can. */
export function trackingPatternProblem(pattern: string): TrackingPatternProblem | undefined {
  const result = compileTrackingPattern(pattern);
  return result.ok ? undefined : result.problem;
}

export type NetworkMatch = { kind: 'match'; network: string } | { kind: 'bad-check-digit'; network: string } | { kind: 'none' };

/**
 * The first network, in the order given, whose pattern matches `id` and whose check digit (if it declares
 * one) is right. If patterns match but every one of them fails its check digit, the first of those is reported
 * as 'bad-check-digit'. An empty or invalid pattern never matches; it adds a warning to `warnings`.
 */
export function matchNetwork(id: string, networks: readonly ScanNetwork[], warnings: ScanWarning[]): NetworkMatch {
  let badCheck: string | undefined;
  for (const network of networks) {
    const pattern = compileTrackingPattern(network.trackingIdPattern);
    if (!pattern.ok) {
      addWarning(warnings, network.id, pattern.detail);
      continue;
    }
    if (!pattern.regex.matches(id)) continue;
    if (passesCheckDigit(network.checkDigit, id)) return { kind: 'match', network: network.id };
    badCheck ??= network.id;
  }
  return badCheck !== undefined ? { kind: 'bad-check-digit', network: badCheck } : { kind: 'none' };
}

function addWarning(warnings: ScanWarning[], network: string, message: string): void {
  if (warnings.some((w) => w.network === network)) return;
  warnings.push({ code: 'invalid-network-pattern', network, message });
}
