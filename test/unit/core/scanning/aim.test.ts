import { describe, expect, it } from 'vitest';
import { stripAimIdentifier } from '../../../../main/core/scanning';

const SSCC = '00340123451234567895';

describe('stripAimIdentifier', () => {
  // FNC1 in first position: GS1 application identifiers follow, also when the symbol carries an ECI (]d5, ]Q5).
  it.each([']C1', ']e0', ']d2', ']d5', ']Q3', ']Q5', ']J1'])('%s announces a GS1 element string', (id) => {
    expect(stripAimIdentifier(id + SSCC)).toEqual({
      aim: { id, symbology: id[1], modifier: id[2], gs1: true },
      data: SSCC,
    });
  });

  it.each([']C0', ']E0', ']d1', ']D2', ']Q1', ']A0', ']L0'])('%s is stripped but is not GS1 data', (id) => {
    expect(stripAimIdentifier(id + SSCC)).toMatchObject({ aim: { id, gs1: false }, data: SSCC });
  });

  it('leaves text without an identifier unchanged', () => {
    expect(stripAimIdentifier(SSCC)).toEqual({ data: SSCC });
    expect(stripAimIdentifier(']1C')).toEqual({ data: ']1C' });
  });
});
