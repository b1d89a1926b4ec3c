import { stripAimIdentifier, type AimIdentifier } from './aim';

/** ASCII 29, Group Separator: how a scanner transmits a GS1 FNC1 that is not in first position. */
export const GS = '\x1D';

/**
 * Text some scanners send instead of ASCII 29 when they cannot type a control character through a keyboard
 * wedge, or when they are set up to substitute it. Matched case-insensitively. "␝" (U+241D) is the Unicode
 * picture of GS, which is also how `normalized` shows it.
 */
export const DEFAULT_GROUP_SEPARATOR_ALIASES: readonly string[] = ['<GS>', '{GS}', '[GS]', '<FNC1>', '{FNC1}', '[FNC1]', '^]', '\u241D'];

/** Longest code accepted after normalisation; real labels are far shorter (an SSCC element string is 20). */
export const DEFAULT_MAX_SCAN_LENGTH = 128;

export interface NormalizeOptions {
  maxLength?: number;
  groupSeparatorAliases?: readonly string[];
  /**
   * An AIM symbology identifier the device reported out of band (HID POS scanners send it in its own field,
   * see RawScan.symbology in main/devices/scan.ts). Used when the code itself does not start with one.
   */
  symbology?: string;
}

export type NormalizeFailure = 'empty' | 'too-long' | 'control-characters' | 'unsupported-format';

export type NormalizedScan =
  { ok: true; text: string; aim?: AimIdentifier } | { ok: false; reason: NormalizeFailure; text: string; aim?: AimIdentifier };

/** Whitespace, including CR/LF/Tab and Unicode spaces, and the invisible zero-width characters. */
const WHITESPACE = /[\s\u200B-\u200D\u2060]+/g;
/** Control characters other than GS: C0, DEL and C1. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CONTROL = /[\x00-\x1C\x1E\x1F\x7F-\x9F]/;
/** ISO/IEC 15434 envelope "[)>" RS (MaxiCode and some 2D shipping labels). Not supported yet. */
const ISO_15434_HEADER = '[)>\x1E';

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceAliases(text: string, aliases: readonly string[]): string {
  const usable = aliases.filter((a) => a.length > 0);
  if (usable.length === 0) return text;
  // Longest first, so that "<FNC1>" is not half-eaten by a shorter alias.
  const alternation = [...usable]
    .sort((a, b) => b.length - a.length)
    .map(escapeForRegExp)
    .join('|');
  return text.replace(new RegExp(alternation, 'gi'), GS);
}

/**
 * The first steps of classification, in this order:
 * 1. leading whitespace goes, then a leading AIM symbology identifier is split off (before any case change);
 * 2. group-separator aliases become ASCII 29;
 * 3. all whitespace goes, anywhere (CR/LF/Tab terminators, spaces in human-readable labels, NBSP, zero-width);
 * 4. GS at the start (FNC1 in first position sent as GS) or end goes;
 * 5. refusals: nothing left, more than `maxLength` characters, an ISO/IEC 15434 envelope, any control
 *    character other than GS.
 * Case is left alone: the classifier upper-cases what it treats as an ID.
 */
export function normalizeScan(raw: string, options: NormalizeOptions = {}): NormalizedScan {
  const maxLength = options.maxLength ?? DEFAULT_MAX_SCAN_LENGTH;
  // Bound the work on absurd input before any regular expression runs over it.
  if (raw.length > maxLength * 4 + 64) return { ok: false, reason: 'too-long', text: raw.slice(0, maxLength) };

  const stripped = stripAimIdentifier(raw.replace(/^[\s\u200B-\u200D\u2060]+/, ''));
  const data = stripped.data;
  const aim = stripped.aim ?? outOfBandAim(options.symbology);
  let text = replaceAliases(data, options.groupSeparatorAliases ?? DEFAULT_GROUP_SEPARATOR_ALIASES);
  text = text.replace(WHITESPACE, '');
  // eslint-disable-next-line no-control-regex -- GS (ASCII 29) at either end
  text = text.replace(/^\x1D+|\x1D+$/g, '');
  const withAim = <T extends object>(result: T): T & { aim?: AimIdentifier } => (aim ? { ...result, aim } : result);

  if (text.length === 0) return withAim({ ok: false, reason: 'empty', text });
  if (text.length > maxLength) return withAim({ ok: false, reason: 'too-long', text: text.slice(0, maxLength) });
  if (text.startsWith(ISO_15434_HEADER)) return withAim({ ok: false, reason: 'unsupported-format', text });
  if (FORBIDDEN_CONTROL.test(text)) return withAim({ ok: false, reason: 'control-characters', text });
  return withAim({ ok: true, text });
}

function outOfBandAim(symbology: string | undefined): AimIdentifier | undefined {
  if (symbology === undefined) return undefined;
  const { aim, data } = stripAimIdentifier(symbology);
  return data === '' ? aim : undefined;
}

/** `text` made safe to show: control characters become their Unicode pictures (GS → ␝, DEL → ␡). */
export function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\x00-\x1F\x7F\x80-\x9F]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\uFFFD';
  });
}
