import type { CheckDigitScheme } from './check-digits';
import { passesCheckDigit } from './check-digits';

/** What the classifier needs to know of a network: its ID and how its tracking IDs look. */
export interface ScanNetwork {
  readonly id: string;
  /**
   * A JavaScript regular expression (no flags) that a whole tracking ID must match, after the scan is
   * upper-cased and stripped of whitespace. It is applied as a full match, `^(?:pattern)$`, so an unanchored
   * pattern does not match a part of a longer code.
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

/**
 * Compiled patterns, kept between calls: compiling is the costly part and patterns change rarely. The cache
 * only memoises a pure function of the pattern text; it is bounded and simply cleared when full.
 */
const compiled = new Map<string, RegExp | string>();
const CACHE_LIMIT = 256;

/** The full-match regular expression of `pattern`, or the reason it does not compile. */
export function compileTrackingPattern(pattern: string): RegExp | string {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  let result: RegExp | string;
  try {
    result = new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  }
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

export type NetworkMatch =
  | { kind: 'match'; network: string }
  | { kind: 'bad-check-digit'; network: string }
  | { kind: 'none' };

/**
 * The first network, in the order given, whose pattern matches `id` and whose check digit (if it declares
 * one) is right. If patterns match but every one of them fails its check digit, the first of those is reported
 * as 'bad-check-digit'. An empty or invalid pattern never matches; it adds a warning to `warnings`.
 */
export function matchNetwork(id: string, networks: readonly ScanNetwork[], warnings: ScanWarning[]): NetworkMatch {
  let badCheck: string | undefined;
  for (const network of networks) {
    if (typeof network.trackingIdPattern !== 'string' || network.trackingIdPattern.length === 0) {
      addWarning(warnings, network.id, 'empty tracking ID pattern');
      continue;
    }
    const pattern = compileTrackingPattern(network.trackingIdPattern);
    if (typeof pattern === 'string') {
      addWarning(warnings, network.id, pattern);
      continue;
    }
    if (!pattern.test(id)) continue;
    if (passesCheckDigit(network.checkDigit, id)) return { kind: 'match', network: network.id };
    badCheck ??= network.id;
  }
  return badCheck !== undefined ? { kind: 'bad-check-digit', network: badCheck } : { kind: 'none' };
}

function addWarning(warnings: ScanWarning[], network: string, message: string): void {
  if (warnings.some((w) => w.network === network)) return;
  warnings.push({ code: 'invalid-network-pattern', network, message });
}
