import { describe, expect, it } from 'vitest';
import { GS, normalizeScan, stripAimIdentifier, visibleText } from '../../../../main/core/scanning';

describe('stripAimIdentifier', () => {
  it.each([
    [']C100340123451234567895', ']C1', 'C', '1', true, '00340123451234567895'],
    [']C0IT1234567890', ']C0', 'C', '0', false, 'IT1234567890'],
    [']E04006381333931', ']E0', 'E', '0', false, '4006381333931'],
    [']E44006381', ']E4', 'E', '4', false, '4006381'],
    [']e00104006381333931', ']e0', 'e', '0', true, '0104006381333931'],
    [']d2' + '00340123451234567895', ']d2', 'd', '2', true, '00340123451234567895'],
    [']d1PU:demo-it:123456', ']d1', 'd', '1', false, 'PU:demo-it:123456'],
    [']Q1PU:demo-it:123456', ']Q1', 'Q', '1', false, 'PU:demo-it:123456'],
    [']Q3' + '00340123451234567895', ']Q3', 'Q', '3', true, '00340123451234567895'],
    [']QCABC', ']QC', 'Q', 'C', false, 'ABC'], // iQR modifiers are letters
    [']A0QC0000012345', ']A0', 'A', '0', false, 'QC0000012345'],
  ])('%j → %s', (input, id, symbology, modifier, gs1, data) => {
    expect(stripAimIdentifier(input)).toEqual({ aim: { id, symbology, modifier, gs1 }, data });
  });

  it.each(['IT1234567890', ']', ']C', ']1C123', '] C1', 'X]C1'])('leaves %j alone', (input) => {
    expect(stripAimIdentifier(input)).toEqual({ data: input });
  });
});

describe('normalizeScan', () => {
  it.each([
    ['IT1234567890\r', 'IT1234567890'],
    ['IT1234567890\r\n', 'IT1234567890'],
    ['IT1234567890\t', 'IT1234567890'],
    ['  it12 3456 7890  ', 'it1234567890'],
    ['IT 1234\u00A05678\u200B90', 'IT1234567890'],
    ['\uFEFFQC0000012345', 'QC0000012345'],
    ['0034012345123456789542012345', '0034012345123456789542012345'],
  ])('%j → %j', (raw, text) => {
    expect(normalizeScan(raw)).toEqual({ ok: true, text });
  });

  it('finds the AIM identifier after the CR LF a previous scan left behind', () => {
    expect(normalizeScan('\r\n]E04006381333931')).toEqual({
      ok: true,
      text: '4006381333931',
      aim: { id: ']E0', symbology: 'E', modifier: '0', gs1: false },
    });
  });

  it('a space inside "]E 0" makes no AIM identifier: the data is kept whole', () => {
    expect(normalizeScan(']E 04006381333931')).toEqual({ ok: true, text: ']E04006381333931' });
  });

  it('keeps the AIM identifier apart, read before any trimming of the data', () => {
    expect(normalizeScan(' ]C100340123451234567895\r')).toEqual({
      ok: true,
      text: '00340123451234567895',
      aim: { id: ']C1', symbology: 'C', modifier: '1', gs1: true },
    });
  });

  it('takes an AIM identifier reported out of band, unless the code carries its own', () => {
    expect(normalizeScan('00340123451234567895', { symbology: ']C1' })).toEqual({
      ok: true,
      text: '00340123451234567895',
      aim: { id: ']C1', symbology: 'C', modifier: '1', gs1: true },
    });
    expect(normalizeScan(']C0IT1234567890', { symbology: ']C1' })).toMatchObject({ aim: { id: ']C0' } });
    expect(normalizeScan('IT1234567890', { symbology: 'junk' })).toEqual({ ok: true, text: 'IT1234567890' });
  });

  it.each([
    ['<GS>', '10ABC<GS>21XYZ'],
    ['<gs>', '10ABC<gs>21XYZ'],
    ['{GS}', '10ABC{GS}21XYZ'],
    ['[GS]', '10ABC[GS]21XYZ'],
    ['<FNC1>', '10ABC<FNC1>21XYZ'],
    ['^]', '10ABC^]21XYZ'],
    ['␝', '10ABC\u241D21XYZ'],
    ['ASCII 29', '10ABC\x1D21XYZ'],
  ])('turns the group separator %s into ASCII 29', (_name, raw) => {
    expect(normalizeScan(raw)).toEqual({ ok: true, text: `10ABC${GS}21XYZ` });
  });

  it('drops a group separator at the start (FNC1 in first position) or end', () => {
    expect(normalizeScan('\x1D00340123451234567895\x1D\r')).toEqual({ ok: true, text: '00340123451234567895' });
    expect(normalizeScan('<FNC1>00340123451234567895')).toEqual({ ok: true, text: '00340123451234567895' });
  });

  it('takes other aliases when told', () => {
    expect(normalizeScan('10ABC~21XYZ', { groupSeparatorAliases: ['~'] })).toEqual({ ok: true, text: `10ABC${GS}21XYZ` });
    expect(normalizeScan('10ABC<GS>21XYZ', { groupSeparatorAliases: [] })).toEqual({ ok: true, text: '10ABC<GS>21XYZ' });
  });

  it.each([
    ['', 'empty'],
    ['   \r\n\t', 'empty'],
    [']C1', 'empty'],
    ['\x1D\x1D', 'empty'],
    ['A'.repeat(129), 'too-long'],
    ['A'.repeat(100_000), 'too-long'],
    ['IT123\x00456', 'control-characters'],
    ['IT123\x1B[A', 'control-characters'],
    ['IT123\x7F', 'control-characters'],
    ['IT123\u0085', 'control-characters'],
    ['[)>\x1E01\x1D96...', 'unsupported-format'],
  ])('refuses %j as %s', (raw, reason) => {
    expect(normalizeScan(raw)).toMatchObject({ ok: false, reason });
  });

  it('accepts exactly the maximum length, and a configured maximum', () => {
    expect(normalizeScan('A'.repeat(128))).toMatchObject({ ok: true });
    expect(normalizeScan('A'.repeat(21), { maxLength: 20 })).toMatchObject({ ok: false, reason: 'too-long' });
  });

  it('visibleText shows control characters as pictures', () => {
    expect(visibleText(`10ABC${GS}21X\x00\x7F`)).toBe('10ABC\u241D21X\u2400\u2421');
  });
});

describe('normalizeScan edges', () => {
  it.each(['<GS>', '{GS}', '[GS]', '<FNC1>', '{FNC1}', '[FNC1]', '^]', '\u241D', '<fnc1>'])('the alias %s becomes GS', (alias) => {
    expect(normalizeScan(`0109501101530003${alias}10ABC`)).toEqual({ ok: true, text: `0109501101530003${GS}10ABC` });
  });

  it('an empty alias from settings changes nothing', () => {
    expect(normalizeScan('IT1234567890', { groupSeparatorAliases: ['', '<GS>'] })).toEqual({ ok: true, text: 'IT1234567890' });
  });

  it.each([[['<F', '<FNC1>']], [['<FNC1>', '<F']]])('the longer of overlapping aliases %j wins', (aliases) => {
    expect(normalizeScan('A<FNC1>B', { groupSeparatorAliases: aliases }).text).toBe(`A${GS}B`);
  });

  it('drops every GS at the start and end', () => {
    expect(normalizeScan(`${GS}${GS}0109501101530003${GS}${GS}`).text).toBe('0109501101530003');
  });

  it('a too-long scan shows its first maxLength characters', () => {
    expect(normalizeScan('A'.repeat(30), { maxLength: 20 })).toEqual({ ok: false, reason: 'too-long', text: 'A'.repeat(20) });
  });

  it('an out-of-band symbology counts only when it is an AIM identifier and nothing more', () => {
    expect(normalizeScan('0109501101530003', { symbology: ']C1' }).aim?.id).toBe(']C1');
    expect(normalizeScan('0109501101530003', { symbology: ']C10' }).aim).toBeUndefined();
    expect(normalizeScan('0109501101530003', { symbology: ']C' }).aim).toBeUndefined();
  });

  it('shows C1 control characters as the replacement character, DEL as its picture', () => {
    expect(visibleText('A\x85B\x7F')).toBe('A\uFFFDB\u2421');
  });
});
