import { describe, expect, it } from 'vitest';
import { DUPLICATE_SCAN_WINDOW_MS, isDuplicateScan, ScanDeduper } from '../../../../main/core/scanning';

const T = 1_700_000_000_000;

/** Feeds scans to a fresh deduper; true means "ignored". */
function run(scans: [code: string, source: string, at: number][]): boolean[] {
  const deduper = new ScanDeduper();
  return scans.map(([code, source, at]) => deduper.isDuplicate({ code, source, at }));
}

describe('ScanDeduper: the same code from the same device within 1 s is ignored once', () => {
  it('ignores the immediate repeat within 1 s', () => {
    expect(
      run([
        ['QC0000012345', 'serial:A', T],
        ['QC0000012345', 'serial:A', T + 300],
      ]),
    ).toEqual([false, true]);
  });

  it('accepts the repeat 1 s or more later ("within" is strictly less than 1000 ms)', () => {
    expect(
      run([
        ['X', 'wedge', T],
        ['X', 'wedge', T + 999],
      ]),
    ).toEqual([false, true]);
    expect(
      run([
        ['X', 'wedge', T],
        ['X', 'wedge', T + DUPLICATE_SCAN_WINDOW_MS],
      ]),
    ).toEqual([false, false]);
    expect(
      run([
        ['X', 'wedge', T],
        ['X', 'wedge', T + 5000],
      ]),
    ).toEqual([false, false]);
  });

  it('accepts the same code from another device', () => {
    expect(
      run([
        ['X', 'serial:A', T],
        ['X', 'hid:1', T + 10],
        ['X', 'serial:A', T + 20],
      ]),
    ).toEqual([false, false, true]);
  });

  it('accepts a different code from the same device, and forgets the earlier code', () => {
    expect(
      run([
        ['X', 'wedge', T],
        ['Y', 'wedge', T + 10],
        ['X', 'wedge', T + 20],
      ]),
    ).toEqual([false, false, false]);
  });

  it('ignores only once: a third identical scan within 1 s is accepted and arms the filter again', () => {
    expect(
      run([
        ['X', 'wedge', T],
        ['X', 'wedge', T + 100], // ignored: the immediate repeat
        ['X', 'wedge', T + 200], // accepted: the filter was used up
        ['X', 'wedge', T + 300], // ignored: repeat of the scan accepted at +200
        ['X', 'wedge', T + 1250], // accepted: more than 1 s after +200
      ]),
    ).toEqual([false, true, false, true, false]);
  });

  it('accepts a scan stamped earlier than the remembered one (a clock set back)', () => {
    expect(
      run([
        ['X', 'wedge', T],
        ['X', 'wedge', T - 10],
      ]),
    ).toEqual([false, false]);
  });

  it('forget() drops a device', () => {
    const deduper = new ScanDeduper();
    expect(deduper.isDuplicate({ code: 'X', source: 'a', at: T })).toBe(false);
    deduper.forget('a');
    expect(deduper.isDuplicate({ code: 'X', source: 'a', at: T + 1 })).toBe(false);
    deduper.forget();
    expect(deduper.isDuplicate({ code: 'X', source: 'a', at: T + 2 })).toBe(false);
  });

  it('takes another window', () => {
    const deduper = new ScanDeduper(50);
    expect(deduper.isDuplicate({ code: 'X', source: 'a', at: T })).toBe(false);
    expect(deduper.isDuplicate({ code: 'X', source: 'a', at: T + 60 })).toBe(false);
  });
});

describe('isDuplicateScan (the pure step)', () => {
  it('returns the verdict and what to remember', () => {
    const first = isDuplicateScan(undefined, { code: 'X', source: 'a', at: T });
    expect(first).toEqual({ duplicate: false, next: { code: 'X', at: T, armed: true } });
    const second = isDuplicateScan(first.next, { code: 'X', source: 'a', at: T + 1 });
    expect(second).toEqual({ duplicate: true, next: { code: 'X', at: T, armed: false } });
    const third = isDuplicateScan(second.next, { code: 'X', source: 'a', at: T + 2 });
    expect(third).toEqual({ duplicate: false, next: { code: 'X', at: T + 2, armed: true } });
  });
});

describe('ScanDeduper at the same millisecond', () => {
  it('ignores a repeat that arrives with the same timestamp (a burst of two reads)', () => {
    expect(
      run([
        ['QC0000012345', 'hid:0c2e:0b8f', T],
        ['QC0000012345', 'hid:0c2e:0b8f', T],
      ]),
    ).toEqual([false, true]);
  });
});
