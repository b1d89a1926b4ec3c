import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GS, gs1Mod10CheckDigit, parseGs1 } from '../../../../main/core/scanning';

describe('parseGs1', () => {
  it('reads an SSCC element string', () => {
    expect(parseGs1('00340123451234567895')).toEqual({ ok: true, elements: [{ ai: '00', value: '340123451234567895' }] });
  });

  it('reads a fixed-length field without separator, and a variable-length one up to GS or the end', () => {
    expect(parseGs1(`0034012345123456789542020121${GS}403ROUTE-7`)).toEqual({
      ok: true,
      elements: [
        { ai: '00', value: '340123451234567895' },
        { ai: '420', value: '20121' },
        { ai: '403', value: 'ROUTE-7' },
      ],
    });
  });

  it('tolerates a needless separator after a fixed-length field', () => {
    expect(parseGs1(`00340123451234567895${GS}42125075001`)).toEqual({
      ok: true,
      elements: [
        { ai: '00', value: '340123451234567895' },
        { ai: '421', value: '25075001' },
      ],
    });
  });

  it('reads GTIN + serial (+ batch, expiry, weight)', () => {
    expect(parseGs1(`010400638133393121ABC123${GS}10LOT5${GS}172612313103000250`)).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: '04006381333931' },
        { ai: '21', value: 'ABC123' },
        { ai: '10', value: 'LOT5' },
        { ai: '17', value: '261231' },
        { ai: '3103', value: '000250' },
      ],
    });
  });

  it('reads the bracketed human-readable form', () => {
    expect(parseGs1('(00)340123451234567895(421)38020121')).toEqual({
      ok: true,
      elements: [
        { ai: '00', value: '340123451234567895' },
        { ai: '421', value: '38020121' },
      ],
    });
  });

  it.each([
    ['00340123451234567894', 'bad-check-digit', '00'],
    ['(00)340123451234567894', 'bad-check-digit', '00'],
    ['0104006381333932', 'bad-check-digit', '01'],
    ['0034012345123456789', 'bad-length', '00'],
    [`00340123${GS}451234567895`, 'bad-length', '00'],
    ['0034012345123456789A', 'bad-characters', '00'],
    ['21' + 'X'.repeat(21), 'bad-length', '21'],
    ['42112', 'bad-characters', '421'], // AI 421 starts with a 3-digit country code
    [`10AB${GS}${GS}21\x01`, 'bad-characters', '21'],
    ['87123', 'unknown-ai', '8712'],
    ['(87)123', 'unknown-ai', '87'],
    ['(00)', 'bad-length', '00'],
    ['', 'empty', undefined],
  ])('%j: %s', (data, error, ai) => {
    const result = parseGs1(data);
    expect(result).toMatchObject({ ok: false, error });
    if (ai) expect(result).toMatchObject({ ai });
  });

  it('never throws on garbage', () => {
    for (const data of ['(', '()', '(0)1', '((00))', GS, `${GS}${GS}`, '4', '42', '421', '4212', '999']) {
      expect(() => parseGs1(data)).not.toThrow();
    }
  });
});

/** `body` followed by its GS1 mod-10 check digit (GLN, GSIN, GTIN). */
const withCheck = (body: string): string => body + String(gs1Mod10CheckDigit(body));

/** One valid value for every AI the parser knows, as found on logistic and trade-item labels. */
const KNOWN_AIS: readonly (readonly [string, string])[] = [
  ['00', '340123451234567895'],
  ['01', '04006381333931'],
  ['02', '04006381333931'],
  ['10', 'LOT-2026/A'],
  ['11', '260115'],
  ['12', '260215'],
  ['13', '260116'],
  ['15', '270131'],
  ['16', '270130'],
  ['17', '270228'],
  ['20', '07'],
  ['21', 'SN0042'],
  ['22', 'VARIANT-B'],
  ['30', '24'],
  ['37', '12'],
  ['400', 'PO-88213'],
  ['401', '4012345PALLET77'],
  ['402', withCheck('4012345000000001')],
  ['403', 'ROUTE-7'],
  ...['410', '411', '412', '413', '414', '415', '416', '417'].map((ai) => [ai, withCheck('401234500001')] as const),
  ['420', '20121'],
  ['421', '826SW1A1AA'], // letters after the ISO 3166 country code: a UK postcode
  ['422', '380'],
  ['90', 'MUTUAL-INFO'],
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((ai) => [ai, `INTERNAL-${ai}`] as const),
  ['3103', '000250'],
  ['3302', '001520'],
  ['3601', '000125'],
];

const VARIABLE_LENGTH_AIS = new Set([
  '10',
  '21',
  '22',
  '30',
  '37',
  '400',
  '401',
  '403',
  '420',
  '421',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
  '97',
  '98',
  '99',
]);

describe('parseGs1: the application identifiers it knows', () => {
  it.each(KNOWN_AIS)('(%s) %s reads in the transmitted and in the bracketed form', (ai, value) => {
    expect(parseGs1(ai + value)).toEqual({ ok: true, elements: [{ ai, value }] });
    expect(parseGs1(`(${ai})${value}`)).toEqual({ ok: true, elements: [{ ai, value }] });
  });

  it.each(['02', '402', '410', '411', '412', '413', '414', '415', '416', '417'])('(%s) refuses a wrong check digit', (ai) => {
    const value = KNOWN_AIS.find(([a]) => a === ai)![1];
    const wrong = value.slice(0, -1) + String((Number(value.at(-1)) + 1) % 10);
    expect(parseGs1(ai + wrong)).toMatchObject({ ok: false, error: 'bad-check-digit', ai });
  });

  it.each([
    ['30AB', 'bad-characters', '30'], // a count is digits only
    ['37X1', 'bad-characters', '37'],
    ['11A60115', 'bad-characters', '11'], // a date with a letter first
    [`10${GS}21SN1`, 'bad-length', '10'], // an empty batch
    ['(10)', 'bad-length', '10'],
    ['(4201)20121', 'unknown-ai', '4201'], // (4201) is not (420) followed by "1"
    ['(3)1', 'bad-characters', undefined],
    ['(x(00)340123451234567895', 'bad-characters', undefined], // garbage before the first AI
    ['(00)340123451234567895(', 'bad-characters', undefined], // garbage after the last value
    [GS, 'empty', undefined],
    [`${GS}${GS}`, 'empty', undefined],
  ])('%j: %s', (data, error, ai) => {
    const result = parseGs1(data);
    expect(result).toMatchObject({ ok: false, error, elements: [] });
    if (ai) expect(result).toMatchObject({ ai });
  });

  it('reads a variable-length value of exactly its maximum length, and refuses one character more', () => {
    expect(parseGs1(`21${'S'.repeat(20)}`)).toEqual({ ok: true, elements: [{ ai: '21', value: 'S'.repeat(20) }] });
    expect(parseGs1(`30${'9'.repeat(8)}`)).toEqual({ ok: true, elements: [{ ai: '30', value: '9'.repeat(8) }] });
    expect(parseGs1(`30${'9'.repeat(9)}`)).toMatchObject({ ok: false, error: 'bad-length', ai: '30' });
  });

  it('drops separators a scanner left between bracketed fields', () => {
    expect(parseGs1(`(01)04006381333931(10)LOT5${GS}(21)${'S'.repeat(20)}`)).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: '04006381333931' },
        { ai: '10', value: 'LOT5' },
        { ai: '21', value: 'S'.repeat(20) },
      ],
    });
  });

  it('reads back any set of elements written as a scanner transmits them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KNOWN_AIS), { minLength: 1, maxLength: 6 }), fc.boolean(), (pairs, gsAfterFixed) => {
        // A variable-length field ends at GS unless it is the last; a fixed one needs none (some printers add one).
        const data = pairs
          .map(([ai, value], i) => {
            const needsGs = VARIABLE_LENGTH_AIS.has(ai) || gsAfterFixed;
            return ai + value + (i < pairs.length - 1 && needsGs ? GS : '');
          })
          .join('');
        expect(parseGs1(data)).toEqual({ ok: true, elements: pairs.map(([ai, value]) => ({ ai, value })) });
      }),
    );
  });
});
