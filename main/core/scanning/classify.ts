import { hasValidGs1Mod10, isValidUps1z, UPS_1Z_PATTERN } from './check-digits';
import { gs1Value, parseGs1, type Gs1Element } from './gs1';
import { matchNetwork, type ScanNetwork, type ScanWarning } from './network-patterns';
import { GS, normalizeScan, visibleText, type NormalizeOptions } from './normalize';
import { parsePickupBarcode, PICKUP_CODE_PATTERN } from './pickup';

/**
 * The scan classifier (issue 4, "Classification and routing"): one raw scan in, what it is out. Pure: no
 * clock, no I/O, no settings of its own; the networks and their patterns are passed in by the caller.
 *
 * Order of the rules (the first that applies decides):
 * 1. normalisation (normalize.ts): AIM identifier, GS aliases, whitespace, and refusal of empty, too long or
 *    control-character input → unknown;
 * 2. a pickup barcode `PU:<networkId>:<6 digits>` (pickup.ts) → pickup, or unknown if malformed or the network
 *    is not one of ours;
 * 3. GS1 data — a GS1 AIM identifier (]C1, ]d2, ]Q3, ]e0…), a group separator, or the bracketed form
 *    "(00)…" — is parsed (gs1.ts): AI 00 gives an SSCC parcel; otherwise the first element value that is a UPS
 *    or network tracking ID; a bad SSCC/GTIN check digit → unknown 'bad-check-digit';
 * 4. exactly 6 digits → a typed or scanned pickup code (even if some network pattern would also match);
 * 5. an SSCC, whatever the networks' patterns say: "00" + 18 digits (a GS1-128 whose FNC1 was not
 *    transmitted, parsed as in 3) or 18 digits, judged by the GS1 check digit; the tracking ID is the 18 digits
 *    however the scanner prefixed them;
 * 6. the code, upper-cased, as a tracking ID: "1Z" + 16 → UPS (check digit verified); then the networks'
 *    patterns in the order given, first match wins (with the network's own check digit, if declared);
 * 7. more digits starting "00" → a GS1 element string sent without AIM identifier, parsed as in 3;
 * 8. anything else → unknown 'no-match'.
 * A network whose pattern is not a valid regular expression is skipped and named in `warnings`.
 */

export type TrackingFormat = 'sscc' | 'ups-1z' | 'network';

export interface ShipTo {
  /** AI 420 or the part of AI 421 after the country. */
  readonly postalCode: string;
  /** ISO 3166-1 numeric country code of AI 421, e.g. "380" Italy, "250" France. */
  readonly countryCode?: string;
}

interface ScanBase {
  /** The scan after normalisation, upper-cased, with control characters shown as Unicode pictures (GS → ␝). */
  readonly normalized: string;
  /** The AIM symbology identifier the scanner sent, e.g. "]C1". */
  readonly symbology?: string;
  /** Problems with the configuration met on the way (the scan itself was still classified). */
  readonly warnings: readonly ScanWarning[];
}

export interface ParcelScan extends ScanBase {
  readonly kind: 'parcel';
  /** Upper-case, no whitespace; for an SSCC the 18 digits without the AI. */
  readonly trackingId: string;
  /** The first network whose pattern matches; absent for an SSCC or UPS number no network claims. */
  readonly network?: string;
  readonly format: TrackingFormat;
  readonly shipTo?: ShipTo;
  /** The GS1 element string, when the label was GS1. */
  readonly gs1?: readonly Gs1Element[];
}

export interface PickupScan extends ScanBase {
  readonly kind: 'pickup';
  /** The 6-digit pickup code. */
  readonly code: string;
  /** Known from a pickup barcode; absent for a bare 6-digit code. */
  readonly network?: string;
  readonly form: 'barcode' | 'code';
}

export type UnknownScanReason =
  | 'empty'
  | 'too-long'
  | 'control-characters'
  | 'unsupported-format'
  | 'bad-check-digit'
  | 'malformed-gs1'
  | 'not-a-parcel'
  | 'malformed-pickup-barcode'
  | 'unknown-network'
  | 'no-match';

export interface UnknownScan extends ScanBase {
  readonly kind: 'unknown';
  readonly reason: UnknownScanReason;
  /** For 'bad-check-digit': the network whose pattern matched; for 'unknown-network': the ID on the barcode. */
  readonly network?: string;
  /** For 'bad-check-digit': the format whose check digit failed. */
  readonly format?: TrackingFormat;
  /** A short technical detail for the test-scan area, e.g. "unknown-ai 87". */
  readonly detail?: string;
}

export type ScanClassification = ParcelScan | PickupScan | UnknownScan;
export type ScanKind = ScanClassification['kind'];

export type ClassifyOptions = NormalizeOptions;

type Base = { normalized: string; symbology?: string; warnings: ScanWarning[] };

export function classifyScan(raw: string, networks: readonly ScanNetwork[], options: ClassifyOptions = {}): ScanClassification {
  const warnings: ScanWarning[] = [];
  const normalized = normalizeScan(typeof raw === 'string' ? raw : '', options);
  const base: Base = { normalized: visibleText(normalized.text.toUpperCase()), warnings };
  if (normalized.aim) base.symbology = normalized.aim.id;
  if (!normalized.ok) return { kind: 'unknown', reason: normalized.reason, ...base };
  const text = normalized.text;

  const pickup = parsePickupBarcode(text);
  if (pickup.kind === 'malformed') return { kind: 'unknown', reason: 'malformed-pickup-barcode', ...base };
  if (pickup.kind === 'ok') {
    const wanted = pickup.networkId.toLowerCase();
    const network = networks.find((n) => n.id.toLowerCase() === wanted);
    if (!network) return { kind: 'unknown', reason: 'unknown-network', network: pickup.networkId, ...base };
    return { kind: 'pickup', code: pickup.code, network: network.id, form: 'barcode', ...base };
  }

  if (normalized.aim?.gs1 || text.includes(GS) || /^\([0-9]{2,4}\)/.test(text)) {
    return classifyGs1(text, networks, base);
  }

  if (PICKUP_CODE_PATTERN.test(text)) return { kind: 'pickup', code: text, form: 'code', ...base };

  const id = text.toUpperCase();
  // An SSCC is judged by its own check digit before any network's pattern can claim it, and it gives the same
  // 18 digits whether the scanner sent the AI 00 or not.
  if (SSCC_WITH_AI.test(id)) return classifyGs1(id, networks, base);
  if (SSCC.test(id)) return classifySscc(id, networks, base);

  const asId = classifyTrackingId(id, networks, base);
  if (asId) return asId;

  if (/^00[0-9]{18,}$/.test(id)) return classifyGs1(id, networks, base);

  return { kind: 'unknown', reason: 'no-match', ...base };
}

/** 18 digits: a bare SSCC. */
const SSCC = /^[0-9]{18}$/;
/** AI 00 and 18 digits: an SSCC from a GS1-128 whose FNC1 was not transmitted. */
const SSCC_WITH_AI = /^00[0-9]{18}$/;

/** Rule 5: the 18 digits of an SSCC, by its GS1 check digit. */
function classifySscc(sscc: string, networks: readonly ScanNetwork[], base: Base): ParcelScan | UnknownScan {
  if (!hasValidGs1Mod10(sscc)) return { kind: 'unknown', reason: 'bad-check-digit', format: 'sscc', ...base };
  const match = matchNetwork(sscc, networks, base.warnings);
  return { kind: 'parcel', trackingId: sscc, format: 'sscc', ...(match.kind === 'match' ? { network: match.network } : {}), ...base };
}

/** Rule 6: a UPS 1Z number, or a network's tracking ID. Undefined when the ID is neither. */
function classifyTrackingId(id: string, networks: readonly ScanNetwork[], base: Base): ParcelScan | UnknownScan | undefined {
  if (UPS_1Z_PATTERN.test(id)) {
    if (!isValidUps1z(id)) return { kind: 'unknown', reason: 'bad-check-digit', format: 'ups-1z', ...base };
    const match = matchNetwork(id, networks, base.warnings);
    return {
      kind: 'parcel',
      trackingId: id,
      format: 'ups-1z',
      ...(match.kind === 'match' ? { network: match.network } : {}),
      ...base,
    };
  }
  const match = matchNetwork(id, networks, base.warnings);
  if (match.kind === 'match') return { kind: 'parcel', trackingId: id, network: match.network, format: 'network', ...base };
  if (match.kind === 'bad-check-digit') {
    return { kind: 'unknown', reason: 'bad-check-digit', network: match.network, format: 'network', ...base };
  }
  return undefined;
}

/** Rules 3, 5 and 7: a GS1 element string. */
function classifyGs1(text: string, networks: readonly ScanNetwork[], base: Base): ParcelScan | UnknownScan {
  const parsed = parseGs1(text);
  if (!parsed.ok) {
    if (parsed.error === 'bad-check-digit') {
      return {
        kind: 'unknown',
        reason: 'bad-check-digit',
        ...(parsed.ai === '00' ? { format: 'sscc' as const } : {}),
        detail: `AI ${parsed.ai}`,
        ...base,
      };
    }
    return { kind: 'unknown', reason: 'malformed-gs1', detail: `${parsed.error}${parsed.ai ? ` ${parsed.ai}` : ''}`, ...base };
  }
  const elements = parsed.elements;
  const extra = { gs1: elements, ...shipToOf(elements) };

  const sscc = gs1Value(elements, '00');
  if (sscc !== undefined) {
    const match = matchNetwork(sscc, networks, base.warnings);
    return {
      kind: 'parcel',
      trackingId: sscc,
      format: 'sscc',
      ...(match.kind === 'match' ? { network: match.network } : {}),
      ...extra,
      ...base,
    };
  }
  for (const element of elements) {
    const found = classifyTrackingId(element.value.toUpperCase(), networks, base);
    if (found?.kind === 'parcel') return { ...found, ...extra };
    if (found) return found;
  }
  return { kind: 'unknown', reason: 'not-a-parcel', ...base };
}

function shipToOf(elements: readonly Gs1Element[]): { shipTo?: ShipTo } {
  const postal = gs1Value(elements, '420');
  if (postal !== undefined) return { shipTo: { postalCode: postal } };
  const withCountry = gs1Value(elements, '421');
  if (withCountry !== undefined) return { shipTo: { countryCode: withCountry.slice(0, 3), postalCode: withCountry.slice(3) } };
  return {};
}
