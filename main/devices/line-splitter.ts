/** The bytes a serial scanner sends after each code. 'ANY': CR, LF or CR LF, whichever the scanner sends. */
export type SerialTerminator = 'CR' | 'LF' | 'CRLF' | 'ANY';

export type ScanTextEncoding = 'latin1' | 'utf8';

export interface LineSplitterOptions {
  terminator: SerialTerminator;
  /** How the code's bytes become text. Default 'latin1' (every byte maps to one character). */
  encoding?: ScanTextEncoding;
  /** A line longer than this many bytes is discarded (noise at a wrong baud rate). Default 4096. */
  maxBytes?: number;
}

export interface LineSplitter {
  /** Bytes in, complete non-empty lines out (terminator removed). */
  push(chunk: Uint8Array): string[];
  /** Forget a partial line (after a disconnect). */
  reset(): void;
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * Splits a serial byte stream into codes. Splits on bytes, then decodes, so a
 * UTF-8 character cut between two chunks survives. Lenient about the other
 * line-end byte: with 'CR' a stray LF (a scanner set to CR LF) is dropped,
 * and with 'LF' a stray CR; with 'ANY' either ends a code; blank lines are
 * skipped.
 */
export function createLineSplitter(options: LineSplitterOptions): LineSplitter {
  const split = options.terminator === 'LF' ? LF : CR;
  const other = options.terminator === 'LF' ? CR : LF;
  // With 'ANY' both bytes end a line; the empty line between the CR and LF of a CR LF is skipped like any blank line.
  const ends = (byte: number) => byte === split || (options.terminator === 'ANY' && byte === other);
  const maxBytes = options.maxBytes ?? 4096;
  const decoder = new TextDecoder(options.encoding === 'utf8' ? 'utf-8' : 'latin1');
  let pending: number[] = [];
  let overflow = false;

  const finish = (bytes: number[]): string | undefined => {
    // CRLF ends on CR and drops the LF that follows; CR/LF drop the other byte anywhere in the line edges.
    while (bytes.length > 0 && (bytes[0] === other || bytes[0] === split)) bytes.shift();
    while (bytes.length > 0 && (bytes[bytes.length - 1] === other || bytes[bytes.length - 1] === split)) bytes.pop();
    if (bytes.length === 0) return undefined;
    // latin1 TextDecoder is windows-1252 per the Encoding standard; map bytes 1:1 instead.
    return options.encoding === 'utf8' ? decoder.decode(Uint8Array.from(bytes)) : String.fromCharCode(...bytes);
  };

  return {
    push(chunk) {
      const lines: string[] = [];
      for (const byte of chunk) {
        if (ends(byte)) {
          const line = overflow ? undefined : finish(pending);
          pending = [];
          overflow = false;
          if (line !== undefined) lines.push(line);
          continue;
        }
        if (overflow) continue;
        pending.push(byte);
        if (pending.length > maxBytes) {
          pending = [];
          overflow = true;
        }
      }
      return lines;
    },
    reset() {
      pending = [];
      overflow = false;
    },
  };
}
