import { describe, expect, it } from 'vitest';
import {
  createWedgeDetector,
  isPrintableKey,
  type WedgeDetector,
  type WedgeDetectorOptions,
  type WedgeKeyEvent,
  type WedgeResolution,
} from '../../../main/devices/keyboard-wedge';
import type { RawScan } from '../../../main/devices/scan';
import { createWedgeScanner } from '../../../main/devices/wedge-scanner';
import { ManualTimers } from './manual-timers';

/** Keys typed `gap` ms apart from `start`; a gap may be a list (cycled) for irregular typing. */
function keys(text: string | string[], start: number, gap: number | number[]): WedgeKeyEvent[] {
  const list = typeof text === 'string' ? [...text] : text;
  const gaps = typeof gap === 'number' ? [gap] : gap;
  let at = start;
  return list.map((key, i) => {
    if (i > 0) at += gaps[(i - 1) % gaps.length]!;
    return { key, at };
  });
}

interface Outcome {
  /** What reached the focused input, in order (released keys and passed keys). */
  typed: string[];
  scans: string[];
  dropped: string[];
  /** The swallow flag of each fed key, in order. */
  swallowed: boolean[];
}

/**
 * Plays the caller's part: feeds the keys, honours every verdict, and runs the
 * idle timer (poll at nextDeadline) whenever time passes a deadline, as a
 * real caller would. `until` is when the run stops (the last timer may fire).
 */
function play(detector: WedgeDetector, events: WedgeKeyEvent[], until = Infinity): Outcome {
  const out: Outcome = { typed: [], scans: [], dropped: [], swallowed: [] };
  const apply = (r: WedgeResolution) => {
    out.typed.push(...r.release.map((k) => k.key));
    if (r.scan) out.scans.push(r.scan.code);
    if (r.dropped !== undefined) out.dropped.push(r.dropped);
  };
  const timersUpTo = (now: number) => {
    for (let deadline = detector.nextDeadline(); deadline !== undefined && deadline <= now; deadline = detector.nextDeadline()) {
      apply(detector.poll(deadline));
    }
  };
  for (const event of events) {
    timersUpTo(event.at);
    const verdict = detector.feed(event);
    apply(verdict);
    out.swallowed.push(verdict.swallow);
    if (!verdict.swallow) out.typed.push(event.key);
  }
  timersUpTo(until);
  return out;
}

const detect = (options: WedgeDetectorOptions = {}) => createWedgeDetector(options);

describe('keyboard wedge detector', () => {
  it('turns a fast burst + Enter into one scan; no key lands as text', () => {
    const scans: RawScan[] = [];
    const detector = detect({ onScan: (s) => scans.push(s) });
    const out = play(detector, keys([...'QC0000000001', 'Enter'], 1000, 8));
    expect(out.scans).toEqual(['QC0000000001']);
    expect(out.typed).toEqual([]);
    expect(out.swallowed.every(Boolean)).toBe(true);
    expect(scans).toEqual([{ code: 'QC0000000001', source: 'wedge', deviceId: 'wedge' }]);
    expect(detector.heldCount).toBe(0);
    expect(detector.nextDeadline()).toBeUndefined();
  });

  it('lets human typing (80–200 ms gaps) through in order and never reports a scan', () => {
    const scans: RawScan[] = [];
    const detector = detect({ onScan: (s) => scans.push(s) });
    const out = play(detector, keys([...'Rossi Mario', 'Enter'], 0, [80, 200, 120, 95, 150]), 10_000);
    expect(out.scans).toEqual([]);
    expect(scans).toEqual([]);
    expect(out.dropped).toEqual([]);
    expect(out.typed.join('|')).toBe([...'Rossi Mario', 'Enter'].join('|'));
    // Enter itself was not held: nothing was pending when it came.
    expect(out.swallowed.at(-1)).toBe(false);
  });

  it("releases typing even without the idle timer: the next key's gap closes the previous run", () => {
    const detector = detect();
    const first = detector.feed({ key: 'a', at: 0 });
    expect(first).toEqual({ swallow: true, release: [] });
    const second = detector.feed({ key: 'b', at: 150 });
    expect(second.swallow).toBe(true);
    expect(second.release).toEqual([{ key: 'a', at: 0 }]);
    expect(detector.poll(170)).toEqual({ release: [] }); // too early
    expect(detector.nextDeadline()).toBe(150 + 30 + 1);
    expect(detector.poll(181)).toEqual({ release: [{ key: 'b', at: 150 }] });
  });

  it('keeps a quick human pair (key rollover) as typing', () => {
    const detector = detect();
    // "the" with t-h rolled over 10 ms apart, then normal gaps.
    const out = play(detector, [
      { key: 't', at: 0 },
      { key: 'h', at: 10 },
      { key: 'e', at: 130 },
      { key: ' ', at: 260 },
      { key: 'Enter', at: 400 },
    ]);
    expect(out.scans).toEqual([]);
    expect(out.typed).toEqual(['t', 'h', 'e', ' ', 'Enter']);
  });

  it('uses Tab as the terminator when configured, and drops an Enter-configured burst that ends in Tab', () => {
    const tab = play(detect({ terminator: 'Tab' }), keys([...'3SABCD12345', 'Tab'], 0, 5));
    expect(tab.scans).toEqual(['3SABCD12345']);
    expect(tab.typed).toEqual([]);

    const wrong = play(detect({ terminator: 'Enter' }), keys([...'3SABCD12345', 'Tab'], 0, 5));
    expect(wrong.scans).toEqual([]);
    expect(wrong.dropped).toEqual(['3SABCD12345']);
    expect(wrong.typed).toEqual(['Tab']); // the burst never became text; the Tab key itself passes
  });

  it('ends a terminator-less burst by idle timeout, and tells consecutive scans apart by the gap', () => {
    const detector = detect({ terminator: 'none', idleTimeoutMs: 60 });
    const firstBurst = keys('1Z999AA10123456784', 0, 6);
    const lastAt = firstBurst.at(-1)!.at;
    const out = play(detector, [...firstBurst, ...keys('JJD000390007', lastAt + 500, 6)], lastAt + 2000);
    expect(out.scans).toEqual(['1Z999AA10123456784', 'JJD000390007']);
    expect(out.typed).toEqual([]);

    // Nothing completes before the idle timeout.
    const d2 = detect({ terminator: 'none', idleTimeoutMs: 60 });
    for (const e of keys('ABCDEF', 0, 5)) d2.feed(e);
    expect(d2.nextDeadline()).toBe(25 + 60 + 1);
    expect(d2.poll(80)).toEqual({ release: [] });
    expect(d2.poll(86).scan?.code).toBe('ABCDEF');
  });

  it('with no terminator, a short run is still typing', () => {
    const out = play(detect({ terminator: 'none' }), keys('ok', 0, 10), 1000);
    expect(out.scans).toEqual([]);
    expect(out.typed).toEqual(['o', 'k']);
  });

  it('strips the configured prefix and suffix (and leaves codes without them alone)', () => {
    const options: WedgeDetectorOptions = { prefix: '#', suffix: '$' };
    expect(play(detect(options), keys([...'#ABC123$', 'Enter'], 0, 4)).scans).toEqual(['ABC123']);
    expect(play(detect(options), keys([...'ABC123', 'Enter'], 0, 4)).scans).toEqual(['ABC123']);
    expect(play(detect({ prefix: ']C1' }), keys([...']C1001234567', 'Enter'], 0, 4)).scans).toEqual(['001234567']);
  });

  it('releases a short fast burst (2 keys) as typing, before the Enter that follows it', () => {
    const detector = detect();
    const out = play(detector, keys(['4', '2', 'Enter'], 0, 10));
    expect(out.scans).toEqual([]);
    expect(out.typed).toEqual(['4', '2', 'Enter']);
    expect(out.swallowed).toEqual([true, true, false]);

    // And released by the idle timer when nothing follows.
    const idle = play(detect(), keys('42', 0, 10), 1000);
    expect(idle.typed).toEqual(['4', '2']);
    expect(idle.scans).toEqual([]);
  });

  it('honours a configured inter-key interval and minimum length', () => {
    const slowScanner = keys([...'PKG12345', 'Enter'], 0, 40);
    expect(play(detect(), slowScanner).scans).toEqual([]);
    expect(play(detect({ maxIntervalMs: 50 }), slowScanner).scans).toEqual(['PKG12345']);

    const short = keys([...'A1B', 'Enter'], 0, 5);
    expect(play(detect(), short).scans).toEqual([]);
    expect(play(detect({ minLength: 3 }), short).scans).toEqual(['A1B']);
  });

  it("ignores Shift between a scanner's capitals (it neither breaks nor joins a burst)", () => {
    const events: WedgeKeyEvent[] = [];
    let at = 0;
    for (const ch of 'QcAB12') {
      if (ch !== ch.toLowerCase()) events.push({ key: 'Shift', at: (at += 2) });
      events.push({ key: ch, at: (at += 4) });
    }
    events.push({ key: 'Enter', at: at + 4 });
    const out = play(detect(), events);
    expect(out.scans).toEqual(['QcAB12']);
    expect(out.typed).toEqual(['Shift', 'Shift', 'Shift']); // modifiers pass; nothing printable lands
  });

  it('drops a long fast burst that ends without its terminator instead of typing it', () => {
    const out = play(detect(), keys('0034567890123456789', 0, 5), 1000);
    expect(out.scans).toEqual([]);
    expect(out.typed).toEqual([]);
    expect(out.dropped).toEqual(['0034567890123456789']);
  });

  it('releases held keys before another key (Backspace) and lets that key through', () => {
    const detector = detect();
    detector.feed({ key: 'x', at: 0 });
    const verdict = detector.feed({ key: 'Backspace', at: 20 });
    expect(verdict).toEqual({ swallow: false, release: [{ key: 'x', at: 0 }] });
  });

  it('flush() gives held keys back immediately', () => {
    const detector = detect();
    detector.feed({ key: 'a', at: 0 });
    detector.feed({ key: 'b', at: 5 });
    expect(detector.flush().release.map((k) => k.key)).toEqual(['a', 'b']);
    expect(detector.heldCount).toBe(0);
  });

  it('knows printable keys from named ones', () => {
    expect(['a', 'Z', '7', ' ', '€', '😀'].every(isPrintableKey)).toBe(true);
    expect(['Enter', 'Tab', 'Shift', '\u001d', '\n', ''].some(isPrintableKey)).toBe(false);
  });
});

describe('wedge scanner device', () => {
  it("emits scans to listeners and releases a person's last keys by its own idle timer", async () => {
    const timers = new ManualTimers();
    const released: string[] = [];
    const scanner = createWedgeScanner({ timers, now: () => timers.now, onRelease: (k) => released.push(...k.map((e) => e.key)) });
    const scans: RawScan[] = [];
    scanner.onScan((s) => scans.push(s));
    expect(scanner.status).toEqual({ state: 'connected' });
    expect(scanner.kind).toBe('wedge');

    expect(scanner.feed({ key: 'a', at: timers.now }).swallow).toBe(true);
    await timers.advance(30);
    expect(released).toEqual([]);
    await timers.advance(1);
    expect(released).toEqual(['a']);

    for (const e of keys([...'PICKUP-7F3K9', 'Enter'], timers.now + 100, 5)) {
      await timers.advance(e.at - timers.now);
      scanner.feed(e);
    }
    await timers.advance(1000);
    expect(scans).toEqual([{ code: 'PICKUP-7F3K9', source: 'wedge', deviceId: 'wedge' }]);
    expect(released).toEqual(['a']);

    await scanner.close();
    expect(scanner.status.state).toBe('disconnected');
  });
});
