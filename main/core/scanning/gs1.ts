import { hasValidGs1Mod10 } from './check-digits';
import { GS } from './normalize';

/**
 * A small GS1 element-string parser: enough application identifiers (AIs) for logistic labels, not the whole
 * GS1 General Specifications. It reads the transmitted form (AIs run together, a variable-length field ends at
 * ASCII 29 or at the end) and the human-readable form with brackets, "(00)340123451234567895(420)20121".
 */

export interface Gs1Element {
  readonly ai: string;
  readonly value: string;
}

interface AiSpec {
  /** Exact length of the value, for predefined-length AIs. */
  readonly fixed?: number;
  /** Maximum length of a variable-length value. */
  readonly max?: number;
  /** Digits only (GS1 "N"); otherwise GS1 "X" (printable characters). */
  readonly numeric: boolean;
  /** The value ends with a GS1 mod-10 check digit (SSCC, GTIN, GLN, GSIN). */
  readonly check?: boolean;
  /** Number of leading digits of a variable value, e.g. the ISO 3166 country of AI 421. */
  readonly numericPrefix?: number;
}

const fixedN = (fixed: number, check = false): AiSpec => ({ fixed, numeric: true, check });
const varX = (max: number): AiSpec => ({ max, numeric: false });
const varN = (max: number): AiSpec => ({ max, numeric: true });

/** AIs by exact code. 4-digit measures (31nn–36nn) are handled by prefix in `specFor`. */
const AIS: ReadonlyMap<string, AiSpec> = new Map<string, AiSpec>([
  ['00', fixedN(18, true)], // SSCC, serial shipping container code
  ['01', fixedN(14, true)], // GTIN
  ['02', fixedN(14, true)], // GTIN of contained trade items
  ['10', varX(20)], // batch or lot
  ['11', fixedN(6)], // production date YYMMDD
  ['12', fixedN(6)], // due date
  ['13', fixedN(6)], // packaging date
  ['15', fixedN(6)], // best before
  ['16', fixedN(6)], // sell by
  ['17', fixedN(6)], // expiry
  ['20', fixedN(2)], // internal product variant
  ['21', varX(20)], // serial number
  ['22', varX(20)], // consumer product variant
  ['30', varN(8)], // variable count
  ['37', varN(8)], // count of trade items
  ['400', varX(30)], // customer's purchase order
  ['401', varX(30)], // global identification number for consignment (GINC)
  ['402', fixedN(17, true)], // global shipment identification number (GSIN)
  ['403', varX(30)], // routing code
  ['410', fixedN(13, true)], // ship to / deliver to GLN
  ['411', fixedN(13, true)],
  ['412', fixedN(13, true)],
  ['413', fixedN(13, true)],
  ['414', fixedN(13, true)],
  ['415', fixedN(13, true)],
  ['416', fixedN(13, true)],
  ['417', fixedN(13, true)],
  ['420', varX(20)], // ship-to postal code, single postal authority
  ['421', { max: 12, numeric: false, numericPrefix: 3 }], // ship-to postal code with ISO 3166 country code
  ['422', fixedN(3)], // country of origin
  ['90', varX(30)], // information mutually agreed between trading partners
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((ai): [string, AiSpec] => [ai, varX(90)]), // company internal
]);

const MEASURE_AI = /^3[1-6][0-9]{2}$/;

function specFor(data: string, at: number): { ai: string; spec: AiSpec } | undefined {
  for (const length of [2, 3, 4]) {
    const ai = data.slice(at, at + length);
    const spec = AIS.get(ai);
    if (spec) return { ai, spec };
    if (MEASURE_AI.test(ai)) return { ai, spec: fixedN(6) };
  }
  return undefined;
}

export type Gs1ErrorCode = 'unknown-ai' | 'bad-length' | 'bad-characters' | 'bad-check-digit' | 'empty';

export type Gs1ParseResult = { ok: true; elements: Gs1Element[] } | { ok: false; error: Gs1ErrorCode; ai?: string; elements: Gs1Element[] };

/** GS1 "X" characters: printable ASCII (the 82-character set is a subset; stricter is not useful here). */
const PRINTABLE = /^[\x21-\x7E]*$/;

function validate(spec: AiSpec, value: string): Gs1ErrorCode | undefined {
  if (spec.fixed !== undefined ? value.length !== spec.fixed : value.length === 0 || value.length > spec.max!) {
    return 'bad-length';
  }
  if (spec.numeric ? !/^[0-9]+$/.test(value) : !PRINTABLE.test(value)) return 'bad-characters';
  if (spec.numericPrefix && !new RegExp(`^[0-9]{${spec.numericPrefix}}.`).test(value)) return 'bad-characters';
  if (spec.check && !hasValidGs1Mod10(value)) return 'bad-check-digit';
  return undefined;
}

const BRACKETED = /^(\([0-9]{2,4}\)[^()]*)+$/;

/** Parses "(ai)value(ai)value…"; separators inside are dropped. */
function parseBracketed(data: string): Gs1ParseResult {
  const elements: Gs1Element[] = [];
  for (const match of data.matchAll(/\(([0-9]{2,4})\)([^()]*)/g)) {
    const ai = match[1]!;
    const value = match[2]!.split(GS).join('');
    const found = specFor(ai, 0);
    if (!found || found.ai !== ai) return { ok: false, error: 'unknown-ai', ai, elements };
    const error = validate(found.spec, value);
    if (error) return { ok: false, error, ai, elements };
    elements.push({ ai, value });
  }
  return { ok: true, elements };
}

/** Parses a GS1 element string, transmitted (GS-separated) or bracketed. */
export function parseGs1(data: string): Gs1ParseResult {
  if (data.startsWith('(')) {
    return BRACKETED.test(data) ? parseBracketed(data) : { ok: false, error: 'bad-characters', elements: [] };
  }
  const elements: Gs1Element[] = [];
  let at = 0;
  while (at < data.length) {
    if (data[at] === GS) {
      at += 1;
      continue;
    }
    const found = specFor(data, at);
    if (!found) return { ok: false, error: 'unknown-ai', ai: data.slice(at, at + 4), elements };
    const { ai, spec } = found;
    const start = at + ai.length;
    let end: number;
    if (spec.fixed !== undefined) {
      end = start + spec.fixed;
      const separator = data.indexOf(GS, start);
      if (separator !== -1 && separator < end) end = separator; // too short: reported as bad-length
    } else {
      const separator = data.indexOf(GS, start);
      end = separator === -1 ? data.length : separator;
    }
    const value = data.slice(start, end);
    const error = validate(spec, value);
    if (error) return { ok: false, error, ai, elements };
    elements.push({ ai, value });
    at = end;
  }
  return elements.length > 0 ? { ok: true, elements } : { ok: false, error: 'empty', elements };
}

/** The first value of `ai` in `elements`. */
export function gs1Value(elements: readonly Gs1Element[], ai: string): string | undefined {
  return elements.find((e) => e.ai === ai)?.value;
}
