/**
 * "The same code from the same device within 1 s is ignored once" (issue 4).
 *
 * Meaning, precisely: a scan that is accepted arms a one-shot filter for its device. The next scan from that
 * device is dropped if it has the same code and comes less than `windowMs` (1000) after the accepted one;
 * that uses the filter up, so a third identical scan, even still inside the second, is accepted (and arms the
 * filter again). A scanner that double-reads a label thus yields one scan, while staff who deliberately scan
 * the same label again — a repeated scan changes nothing in the workflows anyway — are never ignored twice.
 * - exactly `windowMs` later is no longer "within": accepted;
 * - a different code from the device replaces what it remembers (A, B, A quickly: all three accepted);
 * - another device is independent: `source` should name the device (e.g. "serial:/dev/ttyUSB0"), not the kind;
 * - time is injected (`at`, milliseconds); a scan stamped earlier than the remembered one is accepted.
 * `code` should be the normalised code (classification's `normalized`), so that "abc\r" and "ABC" are the same.
 */

export const DUPLICATE_SCAN_WINDOW_MS = 1000;

export interface DedupeScan {
  readonly code: string;
  readonly source: string;
  readonly at: number;
}

/** What is remembered of a device's last accepted scan. */
export interface LastAcceptedScan {
  readonly code: string;
  readonly at: number;
  /** The one-shot filter is still armed. */
  readonly armed: boolean;
}

/**
 * The pure step: given what is remembered for `scan.source` (or undefined), whether `scan` is the duplicate to
 * drop, and what to remember next.
 */
export function isDuplicateScan(
  last: LastAcceptedScan | undefined,
  scan: DedupeScan,
  windowMs: number = DUPLICATE_SCAN_WINDOW_MS,
): { duplicate: boolean; next: LastAcceptedScan } {
  if (last?.armed && last.code === scan.code) {
    const elapsed = scan.at - last.at;
    if (elapsed >= 0 && elapsed < windowMs) return { duplicate: true, next: { ...last, armed: false } };
  }
  return { duplicate: false, next: { code: scan.code, at: scan.at, armed: true } };
}

/** `isDuplicateScan` with the per-device memory kept for you. */
export class ScanDeduper {
  private readonly last = new Map<string, LastAcceptedScan>();

  constructor(private readonly windowMs: number = DUPLICATE_SCAN_WINDOW_MS) {}

  /** True if `scan` is to be ignored; otherwise it is remembered as accepted. */
  isDuplicate(scan: DedupeScan): boolean {
    const { duplicate, next } = isDuplicateScan(this.last.get(scan.source), scan, this.windowMs);
    this.last.set(scan.source, next);
    return duplicate;
  }

  /** Forgets a device (e.g. when it is removed or reconnects), or all of them. */
  forget(source?: string): void {
    if (source === undefined) this.last.clear();
    else this.last.delete(source);
  }
}
