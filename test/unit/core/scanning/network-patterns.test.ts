import { describe, expect, it, vi } from 'vitest';
import { compileTrackingPattern, matchNetwork, trackingPatternProblem, type ScanWarning } from '../../../../main/core/scanning';
import { MAX_TRACKING_PATTERN_LENGTH } from '../../../../main/core/networks/network-shapes';

describe('trackingPatternProblem', () => {
  it('refuses an empty pattern (it would match only an empty scan)', () => {
    expect(trackingPatternProblem('')).toBe('empty');
  });

  it('accepts a pattern of the maximum length and refuses one character more', () => {
    const longest = `[A-Z]{2}${'[0-9]'.repeat((MAX_TRACKING_PATTERN_LENGTH - 8) / 5)}`.padEnd(MAX_TRACKING_PATTERN_LENGTH, 'X');
    expect(longest).toHaveLength(MAX_TRACKING_PATTERN_LENGTH);
    expect(trackingPatternProblem(longest)).toBeUndefined();
    expect(trackingPatternProblem(`${longest}X`)).toBe('too-long');
  });

  it('tells a pattern RE2 will not run (look-around, back-reference) from one that is no pattern at all', () => {
    expect(trackingPatternProblem('(?=1Z)[0-9A-Z]{18}')).toBe('unsupported');
    expect(trackingPatternProblem('([A-Z])\\1[0-9]{9}')).toBe('unsupported');
    expect(trackingPatternProblem('[A-Z{2')).toBe('syntax');
    expect(trackingPatternProblem('(')).toBe('syntax');
  });
});

describe('compileTrackingPattern cache', () => {
  it('compiles a pattern once while it stays in use, and forgets patterns once many others have come', () => {
    const first = compileTrackingPattern('1Z[0-9A-Z]{16}');
    compileTrackingPattern('[A-Z]{2}[0-9]{9}[A-Z]{2}');
    expect(compileTrackingPattern('1Z[0-9A-Z]{16}')).toBe(first);
    for (let i = 0; i < 300; i++) compileTrackingPattern(`OC[0-9]{${i + 1}}`);
    const again = compileTrackingPattern('1Z[0-9A-Z]{16}');
    expect(again).not.toBe(first); // bounded: the old entry was dropped
    expect(again).toEqual(first);
  });
});

describe('compileTrackingPattern on what is no text', () => {
  it.each([undefined, null])('%j is an empty pattern, not a crash', (pattern) => {
    expect(compileTrackingPattern(pattern as unknown as string)).toMatchObject({ ok: false, problem: 'empty' });
  });
});

describe('compileTrackingPattern cache bound', () => {
  it('holds 256 compiled patterns and starts over at the 257th', async () => {
    vi.resetModules(); // a cache no other test has filled
    const fresh = await import('../../../../main/core/scanning/network-patterns');
    const first = fresh.compileTrackingPattern('OC0');
    for (let i = 1; i < 256; i++) fresh.compileTrackingPattern(`OC${i}`);
    expect(fresh.compileTrackingPattern('OC0')).toBe(first); // 256 held
    fresh.compileTrackingPattern('OC256');
    expect(fresh.compileTrackingPattern('OC0')).not.toBe(first);
  });
});

describe('matchNetwork warnings', () => {
  it('names each network with an unusable pattern once, however often it is met', () => {
    const networks = [
      { id: 'broken-a', trackingIdPattern: '(' },
      { id: 'broken-b', trackingIdPattern: '' },
      { id: 'demo-it', trackingIdPattern: 'IT[0-9]{10}' },
    ];
    const warnings: ScanWarning[] = [];
    expect(matchNetwork('IT0123456789', networks, warnings)).toEqual({ kind: 'match', network: 'demo-it' });
    expect(matchNetwork('IT0123456788', networks, warnings)).toEqual({ kind: 'match', network: 'demo-it' });
    expect(warnings.map((w) => [w.code, w.network])).toEqual([
      ['invalid-network-pattern', 'broken-a'],
      ['invalid-network-pattern', 'broken-b'],
    ]);
  });
});
