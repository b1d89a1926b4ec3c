import { keyboardUsageToChar, KEY_ENTER, KEY_KEYPAD_ENTER, KEY_TAB } from './hid-keyboard-usages';

/**
 * Pure parsers for the two report formats a USB barcode scanner sends when
 * read as a HID device (no I/O here; see hid-pos-scanner.ts for the device).
 *
 * ## (a) HID POS: Barcode Scanner usage page 0x8C, "Scanned Data Report"
 * The HID Point of Sale usage tables define the usages of the Bar Code Scanner
 * page 0x8C: Scanned Data Report (0x12), Symbology Identifier 1/2/3
 * (0xFB/0xFC/0xFD), Decoded Data (0xFE), Decoded Data Continued (0xFF), and
 * leave the byte layout to each device's report descriptor. The layout
 * scanners use in practice ("HID POS" mode) is a 64-byte input report:
 *
 *   byte 0       report id = 0x02
 *   byte 1       length: how many bytes of decoded data this report carries (0..56)
 *   bytes 2..4   AIM symbology identifier, e.g. ']' 'C' '1' (0 bytes when the scanner sends none)
 *   bytes 5..60  decoded data, zero padded after `length`
 *   byte 61      vendor symbology id (Honeywell code id; ignored here)
 *   byte 62      reserved
 *   byte 63      bit 0 = decoded data continued: the next report carries more of the same code
 *
 * A code longer than 56 bytes arrives as several reports, every one but the
 * last with the continued bit set (the manuals' example: 60 bytes = a full
 * report with bit set, then 4 bytes with bit clear). Devices whose
 * descriptor puts the fields elsewhere can pass their own `HidPosLayout`.
 * hidapi/node-hid hand over numbered reports with the report id as byte 0,
 * which this layout assumes.
 *
 * ## (b) Keyboard boot protocol (USB HID 1.11, appendix B.1)
 * 8 bytes: modifier bits, a reserved byte, six key usage codes (Keyboard
 * page 0x07) of the keys down right now. A key counts once, on the report
 * where it first appears; Enter (or Tab) ends the code.
 */

export interface HidPosLayout {
  reportId: number;
  /** Offset of the byte that says how many data bytes this report carries. */
  lengthOffset: number;
  /** Offset of the 3 AIM symbology identifier bytes, or -1 when the report has none. */
  symbologyOffset: number;
  dataOffset: number;
  /** How many data bytes a report holds at most. */
  dataCapacity: number;
  /** Offset of the byte holding the "decoded data continued" flag. */
  continuedOffset: number;
  continuedMask: number;
}

/** The 64-byte layout described above (Honeywell and Access-IS HID POS). */
export const HID_POS_LAYOUT: Readonly<HidPosLayout> = Object.freeze({
  reportId: 0x02,
  lengthOffset: 1,
  symbologyOffset: 2,
  dataOffset: 5,
  dataCapacity: 56,
  continuedOffset: 63,
  continuedMask: 0x01,
});

/** One Scanned Data Report, decoded. */
export interface HidPosFragment {
  /** AIM identifier like ']C1', or undefined when the bytes are not one. */
  symbology: string | undefined;
  data: Uint8Array;
  continued: boolean;
}

/** A whole scan, put together from one or more reports. */
export interface HidPosScan {
  code: string;
  symbology: string | undefined;
}

function aimIdentifier(bytes: ArrayLike<number>, offset: number): string | undefined {
  if (offset < 0 || offset + 3 > bytes.length) return undefined;
  const [a, b, c] = [bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!];
  // ']' then a symbology letter then a modifier character (ISO/IEC 15424).
  if (a !== 0x5d || b < 0x21 || b > 0x7e || c < 0x21 || c > 0x7e) return undefined;
  return String.fromCharCode(a, b, c);
}

/**
 * One report → its fragment, or undefined when it is not a Scanned Data
 * Report (another report id, too short to hold the header).
 */
export function parseHidPosReport(report: ArrayLike<number>, layout: HidPosLayout = HID_POS_LAYOUT): HidPosFragment | undefined {
  if (report.length <= layout.dataOffset || report[0] !== layout.reportId) return undefined;
  const declared = report[layout.lengthOffset] ?? 0;
  const available = Math.min(layout.dataCapacity, report.length - layout.dataOffset);
  const length = Math.min(declared, available);
  const data = Uint8Array.from({ length }, (_, i) => report[layout.dataOffset + i]!);
  const flags = report[layout.continuedOffset];
  return {
    symbology: aimIdentifier(report, layout.symbologyOffset),
    data,
    continued: flags !== undefined && (flags & layout.continuedMask) !== 0,
  };
}

export interface HidPosAssemblerOptions {
  layout?: HidPosLayout;
  /** Default 'latin1' (one byte, one character). */
  encoding?: 'latin1' | 'utf8';
  /** A scan longer than this is discarded. Default 4096 bytes. */
  maxBytes?: number;
}

export interface HidPosAssembler {
  /** Feed every input report; returns a scan when the last report of one arrives. */
  push(report: ArrayLike<number>): HidPosScan | undefined;
  /** Forget a half-received scan (the device went away). */
  reset(): void;
}

/** Joins continued Scanned Data Reports into whole scans. Empty scans are skipped. */
export function createHidPosAssembler(options: HidPosAssemblerOptions = {}): HidPosAssembler {
  const layout = options.layout ?? HID_POS_LAYOUT;
  const maxBytes = options.maxBytes ?? 4096;
  const utf8 = new TextDecoder('utf-8');
  let parts: Uint8Array[] = [];
  let size = 0;
  let symbology: string | undefined;
  let overflow = false;

  const reset = () => {
    parts = [];
    size = 0;
    symbology = undefined;
    overflow = false;
  };

  return {
    push(report) {
      const fragment = parseHidPosReport(report, layout);
      if (!fragment) return undefined;
      symbology ??= fragment.symbology;
      size += fragment.data.length;
      if (size > maxBytes) overflow = true;
      if (!overflow) parts.push(fragment.data);
      if (fragment.continued) return undefined;
      const done = { overflow, symbology, parts, size };
      reset();
      if (done.overflow || done.size === 0) return undefined;
      const bytes = new Uint8Array(done.size);
      let at = 0;
      for (const part of done.parts) {
        bytes.set(part, at);
        at += part.length;
      }
      const code = options.encoding === 'utf8' ? utf8.decode(bytes) : String.fromCharCode(...bytes);
      return { code, symbology: done.symbology };
    },
    reset,
  };
}

export type BootKeyboardTerminator = 'Enter' | 'Tab';

export interface BootKeyboardDecoderOptions {
  /** Which key ends a code. Default 'Enter' (main or keypad Enter). */
  terminator?: BootKeyboardTerminator;
  /** When the interface uses numbered reports: the id that precedes the 8 bytes. */
  reportId?: number;
  /** A code longer than this is discarded. Default 4096 characters. */
  maxLength?: number;
}

export interface BootKeyboardDecoder {
  /** Feed every input report; returns a code when its terminator key goes down. */
  push(report: ArrayLike<number>): string | undefined;
  reset(): void;
}

const MOD_CTRL = 0x01 | 0x10;
const MOD_SHIFT = 0x02 | 0x20;
const ERROR_ROLLOVER = 0x01;

/**
 * Boot-protocol keyboard reports → codes (US layout, the scanners' default
 * for HID keyboard mode). Shift gives the shifted character; Ctrl + a key of
 * the @A-Z[\]^_ column gives its ASCII control character, so a scanner that
 * sends the GS1 group separator as Ctrl+] yields 0x1D. Caps Lock is ignored
 * (the scanner does not see the host's LED state either).
 */
export function createBootKeyboardDecoder(options: BootKeyboardDecoderOptions = {}): BootKeyboardDecoder {
  const terminator = options.terminator ?? 'Enter';
  const maxLength = options.maxLength ?? 4096;
  const headerBytes = options.reportId === undefined ? 0 : 1;
  let down = new Set<number>();
  let text = '';
  let overflow = false;

  const isTerminator = (usage: number) => (terminator === 'Enter' ? usage === KEY_ENTER || usage === KEY_KEYPAD_ENTER : usage === KEY_TAB);

  return {
    push(report) {
      if (options.reportId !== undefined && report[0] !== options.reportId) return undefined;
      if (report.length < headerBytes + 3) return undefined;
      const modifiers = report[headerBytes] ?? 0;
      const keys: number[] = [];
      for (let i = headerBytes + 2; i < Math.min(report.length, headerBytes + 8); i++) {
        const usage = report[i]!;
        if (usage !== 0) keys.push(usage);
      }
      // Phantom state (too many keys): the report says nothing about which keys are down.
      if (keys.includes(ERROR_ROLLOVER)) return undefined;
      const pressed = keys.filter((usage) => !down.has(usage));
      down = new Set(keys);

      let completed: string | undefined;
      for (const usage of pressed) {
        if (isTerminator(usage)) {
          if (text && !overflow) completed = text;
          text = '';
          overflow = false;
          continue;
        }
        let char = keyboardUsageToChar(usage, (modifiers & MOD_SHIFT) !== 0);
        if (char === undefined) continue;
        if (modifiers & MOD_CTRL) {
          const upper = char.toUpperCase().charCodeAt(0);
          if (upper < 0x40 || upper > 0x5f) continue; // Ctrl+other: a shortcut, not data
          char = String.fromCharCode(upper - 0x40);
        }
        if (text.length >= maxLength) overflow = true;
        else text += char;
      }
      return completed;
    },
    reset() {
      down = new Set();
      text = '';
      overflow = false;
    },
  };
}
