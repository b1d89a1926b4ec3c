import { describe, expect, it } from 'vitest';
import { GS, parseGs1 } from '../../../../main/core/scanning';

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
