import { describe, expect, it } from 'vitest';
import {
  gs1Mod10CheckDigit,
  hasValidGs1Mod10,
  hasValidLuhn,
  isValidUps1z,
  isValidUpuS10,
  passesCheckDigit,
  upsCheckDigit,
} from '../../../../main/core/scanning';

describe('GS1 mod 10', () => {
  // Worked examples published by GS1 member organisations, then SSCCs computed here and checked by hand.
  it.each([
    ['629104150021', 3], // GS1 Hong Kong check digit calculator page
    ['890400021003', 7], // GS1 India "How to calculate the check digit"
    ['03600024145', 7], // UPC-A 036000241457
    ['34012345123456789', 5], // SSCC 3 4012345 123456789 5
    ['10614141123456789', 7],
    ['00614141123456789', 0],
    ['37612345000001234', 7],
  ])('check digit of %s is %i', (body, check) => {
    expect(gs1Mod10CheckDigit(body)).toBe(check);
    expect(hasValidGs1Mod10(body + check)).toBe(true);
    expect(hasValidGs1Mod10(body + ((check + 1) % 10))).toBe(false);
  });

  it('refuses non-digits and too-short input', () => {
    expect(gs1Mod10CheckDigit('12A4')).toBeUndefined();
    expect(hasValidGs1Mod10('7')).toBe(false);
    expect(hasValidGs1Mod10('')).toBe(false);
  });
});

describe('UPS 1Z check digit', () => {
  // 1Z999AA10123456784: UPS's own example number; the others are the valid test numbers of the public
  // tracking_number_data project (jkeen/tracking_number_data, couriers/ups.json) and the Perl
  // Algorithm::CheckDigits::M10_011 documentation example. Together they exercise letters in odd and even positions.
  it.each([
    '1Z999AA10123456784',
    '1Z5R89390357567127',
    '1Z879E930346834440',
    '1Z410E7W0392751591',
    '1Z8V92A70367203024',
    '1Z5915806855587736',
  ])('%s is valid', (id) => {
    expect(isValidUps1z(id)).toBe(true);
    expect(upsCheckDigit(id.slice(2, 17))).toBe(Number(id[17]));
  });

  it.each([
    '1Z999AA10123456785', // last digit changed
    '1Z999AA10213456784', // two adjacent body digits swapped
    '1Z1111111111111111', // tracking_number_data invalid example
    '1Z999AA1012345678X', // check character is not a digit
    '1Z999AA1012345678', // too short
    '2Z999AA10123456784', // not 1Z
    '1z999aa10123456784', // not normalised (the classifier upper-cases first)
  ])('%s is not valid', (id) => {
    expect(isValidUps1z(id)).toBe(false);
  });
});

describe('other schemes', () => {
  it('UPU S10 (example of the UPU standard) and Luhn', () => {
    expect(isValidUpuS10('AA473124829GB')).toBe(true);
    expect(isValidUpuS10('AA473124828GB')).toBe(false);
    expect(hasValidLuhn('79927398713')).toBe(true);
    expect(hasValidLuhn('79927398710')).toBe(false);
  });

  it('passesCheckDigit dispatches by scheme and fails closed on an unknown one', () => {
    expect(passesCheckDigit(undefined, 'anything')).toBe(true);
    expect(passesCheckDigit('none', 'anything')).toBe(true);
    expect(passesCheckDigit('mod10-gs1', '340123451234567895')).toBe(true);
    expect(passesCheckDigit('mod10-gs1', 'IT340123451234567895')).toBe(false);
    expect(passesCheckDigit('ups-1z', '1Z999AA10123456784')).toBe(true);
    expect(passesCheckDigit('upu-s10', 'AA473124829GB')).toBe(true);
    expect(passesCheckDigit('luhn', '79927398713')).toBe(true);
    expect(passesCheckDigit('crc32' as never, '79927398713')).toBe(false);
  });
});
