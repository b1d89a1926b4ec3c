import type { RawScan } from './scan';

/**
 * Keyboard-wedge detector: tells a barcode scanner that "types" from a
 * person typing, from key timing alone. Pure: no DOM, no Electron, no clock
 * of its own — time is the `at` of each event (milliseconds, any monotonic
 * origin, e.g. performance.now()).
 *
 * ## Feeding it
 * Feed every key-DOWN (never key-up, never auto-generated `char` events):
 * `key` is one printable character (`'a'`, `'Q'`, `'7'`, `'-'`), or a named
 * key: `'Enter'`, `'Tab'`, and anything else (`'Backspace'`, `'ArrowLeft'`,
 * `'Escape'`, ...). Modifier keys (`Shift`, `Control`, `Alt`, `Meta`,
 * `AltGraph`, `CapsLock`) are transparent: a scanner presses Shift for
 * every capital letter, so they neither break nor extend a burst.
 *
 * ## The hold-and-release contract (why the caller must buffer)
 * When a key arrives we cannot yet know whether it starts a scan. So every
 * printable key is HELD (verdict `swallow: true`): the caller must suppress
 * it (preventDefault) and keep nothing else. Later the detector decides:
 * - the keys kept coming fast (gap ≤ `maxIntervalMs`), reached `minLength`
 *   and the terminator arrived → a scan: `verdict.scan` / `onScan`, the held
 *   keys are dropped (they never become text) and the terminator is swallowed;
 * - the run ended short (a gap, the terminator, or another key after fewer
 *   than `minLength` keys) → it was typing: the held keys come back in
 *   `release`, in order, and the caller must deliver them as typing BEFORE
 *   the current key (whose own fate is `swallow`);
 * - a run of at least `minLength` fast keys that ends WITHOUT the terminator
 *   (terminator 'Enter'/'Tab' only) is neither: it is reported in `dropped`
 *   and never typed. No human types ≥ minLength keys ≤ 30 ms apart, so it is
 *   a scanner burst that went wrong (wrong terminator setting, or a USB
 *   hiccup that stretched a gap); landing it as text would be worse.
 *
 * Nothing arrives after the last key of a human's typing, so the caller must
 * also run a timer: after each `feed`, if `nextDeadline()` is defined, call
 * `poll(now)` at or after that time; it releases (or, terminator 'none',
 * completes) what is held. The added latency for a typed key is about
 * `maxIntervalMs` (30 ms), below what a person notices.
 *
 * Re-injected keys (released typing) must NOT be fed back into the detector
 * (e.g. in Electron, mark keys sent with `webContents.sendInputEvent` and skip
 * them in `before-input-event`).
 *
 * ## Known limits
 * A single human key pressed within `maxIntervalMs` before a scanner burst
 * becomes part of that scan. Keyboard auto-repeat faster than `maxIntervalMs`
 * (rare; the usual 25–33 Hz repeat is slower) of a held printable key in a
 * terminator mode is dropped after `minLength` repeats.
 */

export type WedgeTerminator = 'Enter' | 'Tab' | 'none';

export interface WedgeKeyEvent {
  /** One printable character, or a key name such as 'Enter', 'Tab', 'Shift', 'Backspace'. */
  key: string;
  /** When the key went down, in ms (monotonic). */
  at: number;
}

export interface WedgeDetectorOptions {
  /** Keys at most this far apart belong to one burst. Default 30 ms. */
  maxIntervalMs?: number;
  /** A burst shorter than this (terminator excluded, prefix/suffix included) is typing. Default 4. */
  minLength?: number;
  /** The key the scanner sends after each code. Default 'Enter'. */
  terminator?: WedgeTerminator;
  /**
   * Terminator 'none' only: silence after the last key that completes the
   * scan. Default (and minimum) `maxIntervalMs`.
   */
  idleTimeoutMs?: number;
  /** Removed from the start of a scan when present (a scanner-configured prefix). */
  prefix?: string;
  /** Removed from the end of a scan (before the terminator) when present. */
  suffix?: string;
  /** A burst longer than this is dropped (a stuck key, a runaway device). Default 512. */
  maxLength?: number;
  /** Every completed scan, also returned in the verdict. */
  onScan?(scan: RawScan): void;
  /** The device id put on scans. Default 'wedge'. */
  deviceId?: string;
}

/** What happened to keys held earlier, and what became of them. */
export interface WedgeResolution {
  /** Held keys that were typing after all: deliver them as typing, in order (before the current key, in a verdict). */
  release: WedgeKeyEvent[];
  /** A scan completed (also passed to `onScan`). */
  scan?: RawScan;
  /** A scanner-fast burst that did not end with the terminator: neither typed nor scanned. */
  dropped?: string;
}

export interface WedgeVerdict extends WedgeResolution {
  /** true: suppress this key (held, or part of a scan). false: let it through (after `release`). */
  swallow: boolean;
}

export interface WedgeDetector {
  feed(event: WedgeKeyEvent): WedgeVerdict;
  /** Resolves held keys once enough silence has passed at `now`; a no-op before `nextDeadline()`. */
  poll(now: number): WedgeResolution;
  /** When the caller should call `poll` (ms, same origin as `at`), or undefined when nothing is held. */
  nextDeadline(): number | undefined;
  /** Resolves held keys now, whatever the time (e.g. the window lost focus). */
  flush(): WedgeResolution;
  /** How many keys are held right now. */
  readonly heldCount: number;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn', 'OS', 'Hyper', 'Super']);

/** One printable character (a surrogate pair counts as one), not a control character. */
export function isPrintableKey(key: string): boolean {
  if ([...key].length !== 1) return false;
  const code = key.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}

export function createWedgeDetector(options: WedgeDetectorOptions = {}): WedgeDetector {
  const maxIntervalMs = options.maxIntervalMs ?? 30;
  const minLength = options.minLength ?? 4;
  const terminator = options.terminator ?? 'Enter';
  const idleTimeoutMs = Math.max(maxIntervalMs, options.idleTimeoutMs ?? maxIntervalMs);
  const prefix = options.prefix ?? '';
  const suffix = options.suffix ?? '';
  const maxLength = options.maxLength ?? 512;
  const deviceId = options.deviceId ?? 'wedge';
  if (!(maxIntervalMs > 0)) throw new RangeError('maxIntervalMs must be > 0');
  if (!Number.isInteger(minLength) || minLength < 1) throw new RangeError('minLength must be an integer >= 1');

  let held: WedgeKeyEvent[] = [];
  let lastAt = 0;

  const none = (): WedgeResolution => ({ release: [] });

  const toScan = (text: string): RawScan | undefined => {
    let code = text;
    if (prefix && code.startsWith(prefix)) code = code.slice(prefix.length);
    if (suffix && code.endsWith(suffix)) code = code.slice(0, code.length - suffix.length);
    if (!code) return undefined;
    const scan: RawScan = { code, source: 'wedge', deviceId };
    options.onScan?.(scan);
    return scan;
  };

  /** The held run ended without its terminator (a gap, another key, a flush). */
  const endRun = (): WedgeResolution => {
    if (held.length === 0) return none();
    const keys = held;
    held = [];
    if (keys.length < minLength) return { release: keys };
    const text = keys.map((k) => k.key).join('');
    if (terminator === 'none') {
      const scan = toScan(text);
      return scan ? { release: [], scan } : { release: [], dropped: text };
    }
    return { release: [], dropped: text };
  };

  const merge = (a: WedgeResolution, b: WedgeResolution): WedgeResolution => {
    const out: WedgeResolution = { release: [...a.release, ...b.release] };
    const scan = b.scan ?? a.scan;
    const dropped = b.dropped ?? a.dropped;
    if (scan) out.scan = scan;
    if (dropped !== undefined) out.dropped = dropped;
    return out;
  };

  const silenceNeeded = () => (terminator === 'none' ? idleTimeoutMs : maxIntervalMs);

  return {
    feed(event) {
      if (MODIFIERS.has(event.key)) return { swallow: false, release: [] };

      // A gap longer than maxIntervalMs closes whatever was held.
      let before = none();
      if (held.length > 0 && event.at - lastAt > maxIntervalMs) before = endRun();

      if (isPrintableKey(event.key)) {
        held.push(event);
        lastAt = event.at;
        if (held.length > maxLength) {
          const text = held.map((k) => k.key).join('');
          held = [];
          return { swallow: true, ...merge(before, { release: [], dropped: text }) };
        }
        return { swallow: true, ...before };
      }

      if (terminator !== 'none' && event.key === terminator && held.length > 0) {
        if (held.length >= minLength) {
          const text = held.map((k) => k.key).join('');
          held = [];
          const scan = toScan(text);
          return { swallow: true, ...merge(before, scan ? { release: [], scan } : { release: [], dropped: text }) };
        }
        return { swallow: false, ...merge(before, { release: held.splice(0) }) };
      }

      // Any other key (or a terminator with nothing held): close the run, let the key through.
      return { swallow: false, ...merge(before, endRun()) };
    },

    poll(now) {
      if (held.length === 0 || now - lastAt <= silenceNeeded()) return none();
      return endRun();
    },

    nextDeadline() {
      // poll() resolves once the silence is strictly longer than needed; +1 ms covers integer clocks.
      return held.length === 0 ? undefined : lastAt + silenceNeeded() + 1;
    },

    flush() {
      return endRun();
    },

    get heldCount() {
      return held.length;
    },
  };
}
