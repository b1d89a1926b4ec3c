import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gs1Mod10CheckDigit,
  hasValidGs1Mod10,
  hasValidLuhn,
  isValidUps1z,
  isValidUpuS10,
  passesCheckDigit,
  upsCheckDigit,
  upuS10CheckDigit,
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
    // 00614141123456789 has check digit 0; a blank read in its place must not count as that 0.
    expect(hasValidGs1Mod10('00614141123456789 ')).toBe(false);
  });

  it('catches every single-digit misread (GS1 mod 10 promises this)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{7,17}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const valid = body + gs1Mod10CheckDigit(body);
        const i = at % valid.length;
        const misread = valid.slice(0, i) + ((Number(valid[i]) + shift) % 10) + valid.slice(i + 1);
        expect(hasValidGs1Mod10(valid)).toBe(true);
        expect(hasValidGs1Mod10(misread)).toBe(false);
      }),
    );
  });
});

describe('UPS 1Z check digit', () => {
  // 1Z999AA10123456784 is UPS's own example number; the others are valid numbers from public test sets.
  // Together they exercise letters in odd and even positions.
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
    '1Z1111111111111111', // a public test set's invalid example
    '1Z999AA1012345678X', // check character is not a digit
    '1Z999AA1012345678', // too short
    '2Z999AA10123456784', // not 1Z
    '1z999aa10123456784', // not normalised (the classifier upper-cases first)
    '1Z999AA101234567840', // a digit too many after a valid number
    // Two characters before a 1Z number, chosen so that the whole text's 3rd to 18th characters would check.
    'XX1Z999AA10123456184',
  ])('%s is not valid', (id) => {
    expect(isValidUps1z(id)).toBe(false);
  });
});

describe('UPS check digit of a malformed body', () => {
  it.each(['999AA1012345678x', 'x999AA1012345678', '999AA101234567', '999aa1012345678'])('%s has none', (body) => {
    expect(upsCheckDigit(body)).toBeUndefined();
  });
});

describe('UPU S10', () => {
  // Weights 8 6 4 2 3 5 9 7: 00004000 sums to 12 (mod 11 = 1, c = 10 → 0); 00000000 sums to 0 (c = 11 → 5).
  it.each([
    ['AA473124829GB', true], // example of the UPU standard
    ['RR000040000IT', true],
    ['RR000040001IT', false],
    ['RR000000005IT', true],
    ['RR000000000IT', false],
    ['aa473124829gb', false], // not normalised
    ['AA473124829G', false],
    ['A473124829GB', false],
  ])('%s is valid: %s', (id, valid) => {
    expect(isValidUpuS10(id)).toBe(valid);
  });

  // A network whose own pattern admits longer codes must not get a pass for a valid S10 buried in one.
  it.each([
    'RR000000005ITX', // trailing character after a valid S10
    'RR000000005RR000000005IT', // a valid S10 at the end, after another one's first 11 characters
  ])('%s is no S10, even around a valid one', (id) => {
    expect(isValidUpuS10(id)).toBe(false);
    expect(passesCheckDigit('upu-s10', id)).toBe(false);
  });

  it.each(['4731248', '473124820', 'x47312482', '4731248x'])('serial %s has no check digit', (serial) => {
    expect(upuS10CheckDigit(serial)).toBeUndefined();
  });
});

describe('Luhn', () => {
  it.each([
    ['79927398713', true],
    ['18', true],
    ['0', false], // a lone digit is no number with a check digit
    ['', false],
    ['7992739871A9', false], // a letter read in the middle; its character code happens to make the sum right
  ])('%s is valid: %s', (digits, valid) => {
    expect(hasValidLuhn(digits)).toBe(valid);
  });

  it('catches every single-digit misread', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,18}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const checks = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => hasValidLuhn(body + d));
        expect(checks).toHaveLength(1);
        const valid = body + checks[0];
        const i = at % valid.length;
        const misread = valid.slice(0, i) + ((Number(valid[i]) + shift) % 10) + valid.slice(i + 1);
        expect(hasValidLuhn(misread)).toBe(false);
      }),
    );
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
