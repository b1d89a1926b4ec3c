import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoNetworks } from '../../../../main/core/networks/demo-networks';
import { defaultHttpPolicy } from '../../../../main/core/networks/policy';
import { gs1Mod10CheckDigit } from '../../../../main/core/scanning/check-digits';
import { classifyScan, scanNetworksOf, type ScanNetwork } from '../../../../main/core/scanning';

/** The demo networks and an HTTP network on the default pattern `^[0-9A-Z]{8,30}$`, which 18 or 20 digits match. */
const networks: ScanNetwork[] = [
  ...scanNetworksOf(demoNetworks),
  { id: 'carrier', trackingIdPattern: defaultHttpPolicy.trackingIdPattern },
];

describe('an SSCC is judged by its check digit before any network pattern', () => {
  it('refuses a bad check digit, with or without the AI 00, although the HTTP network pattern matches it', () => {
    expect(classifyScan('00352601815908301661', networks)).toMatchObject({ kind: 'unknown', reason: 'bad-check-digit', format: 'sscc' });
    expect(classifyScan('352601815908301661', networks)).toMatchObject({ kind: 'unknown', reason: 'bad-check-digit', format: 'sscc' });
    expect(classifyScan(']C100352601815908301661', networks)).toMatchObject({ kind: 'unknown', reason: 'bad-check-digit', format: 'sscc' });
  });

  it('gives a good SSCC as the 18 digits, still naming the network whose pattern claims them', () => {
    expect(classifyScan('00352601815908301660', networks)).toMatchObject({
      kind: 'parcel',
      format: 'sscc',
      trackingId: '352601815908301660',
      network: 'carrier',
    });
  });
});

/** GS1 symbologies, whose data is an element string and so always carries the AI. */
const GS1_AIM = [']C1', ']d2', ']Q3', ']e0'];
const PLAIN_AIM = ['', ']C0', ']d1', ']Q1', ']A0'];

describe('one label, one tracking ID, however the scanner prefixes it', () => {
  it('the same 18 digits from every AIM identifier and AI form, including the example ]C100352601815908301660', () => {
    const sscc = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 })
      .map((digits) => digits.join(''))
      .map((body) => `${body}${gs1Mod10CheckDigit(body)}`);
    const prefix = fc.oneof(
      fc.record({ aim: fc.constantFrom(...GS1_AIM), ai: fc.constantFrom('00', '(00)') }),
      fc.record({ aim: fc.constantFrom(...PLAIN_AIM), ai: fc.constantFrom('', '00', '(00)') }),
    );
    const ending = fc.constantFrom('', '\r', '\n', '\r\n');
    const cases = fc.tuple(sscc, prefix, ending);
    const examples: [string, { aim: string; ai: string }, string][] = [['352601815908301660', { aim: ']C1', ai: '00' }, '']];
    fc.assert(
      fc.property(cases, ([digits, { aim, ai }, end]) => {
        const result = classifyScan(`${aim}${ai}${digits}${end}`, networks);
        expect(result).toMatchObject({ kind: 'parcel', format: 'sscc', trackingId: digits });
      }),
      { examples: examples.map((e) => [e]) },
    );
  });
});

describe('tracking-ID patterns run in linear time', () => {
  it('classifies 40 A and a digit against (A+)+B at once (a backtracking engine takes hours)', () => {
    const evil: ScanNetwork[] = [{ id: 'evil', trackingIdPattern: '(A+)+B' }, ...networks];
    const started = performance.now();
    const result = classifyScan(`${'A'.repeat(40)}1`, evil);
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ kind: 'unknown', reason: 'no-match' });
    // Linear matching takes well under a millisecond here; the margin is for a loaded machine.
    expect(elapsed).toBeLessThan(500);
  });

  it('never runs a pattern RE2 cannot run (look-around, back-references) on the backtracking engine', () => {
    const result = classifyScan('IT1234567890', [{ id: 'lookahead', trackingIdPattern: '^(?=IT)(A+)+B$' }, ...networks]);
    expect(result).toMatchObject({ kind: 'parcel', network: 'demo-it' });
    expect(result.warnings).toEqual([{ code: 'invalid-network-pattern', network: 'lookahead', message: expect.any(String) }]);
  });
});
