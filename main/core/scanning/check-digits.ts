/**
 * Check-digit schemes of the tracking-number formats the counter meets.
 * Every function here is pure and total: a malformed input gives `false` / `undefined`, never an exception.
 */

/** The check-digit scheme a network declares for its tracking IDs (the ID as a whole is checked). */
export type CheckDigitScheme = 'none' | 'mod10-gs1' | 'ups-1z' | 'upu-s10' | 'luhn';

const DIGITS = /^[0-9]+$/;

/**
 * GS1 modulo 10 check digit of `body` (the digits without their check digit), as used by GTIN, GLN and SSCC
 * (GS1 General Specifications, "Check digit calculation"): weights 3, 1, 3, 1… from the rightmost body digit,
 * check = (10 − sum mod 10) mod 10.
 */
export function gs1Mod10CheckDigit(body: string): number | undefined {
  if (!DIGITS.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** `digits` ends with a correct GS1 modulo 10 check digit (at least one body digit). */
export function hasValidGs1Mod10(digits: string): boolean {
  // A single digit leaves an empty body, whose check digit is undefined.
  if (!DIGITS.test(digits)) return false;
  return gs1Mod10CheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

export const UPS_1Z_PATTERN = /^1Z[0-9A-Z]{16}$/;

/**
 * UPS check digit of the 15 characters between "1Z" and the check digit.
 *
 * UPS does not publish the algorithm; this is the one the public descriptions of it agree on, and it checks UPS's
 * own example number 1Z 999 AA1 01 2345 678 4 and every valid and invalid test number in the tests.
 * Letters become digits as (ASCII code − 3) mod 10, i.e. A–H → 2–9, I–R → 0–9, S–Z → 0–7; characters in even
 * positions (2nd, 4th, … counting from 1 after "1Z") count double; check = (10 − sum mod 10) mod 10.
 */
export function upsCheckDigit(body: string): number | undefined {
  if (!/^[0-9A-Z]{15}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const value = code <= 57 ? code - 48 : (code - 3) % 10;
    sum += i % 2 === 1 ? 2 * value : value;
  }
  return (10 - (sum % 10)) % 10;
}

/** `id` is "1Z" + 15 alphanumerics + a correct UPS check digit (uppercase, no spaces). */
export function isValidUps1z(id: string): boolean {
  if (!UPS_1Z_PATTERN.test(id)) return false;
  return upsCheckDigit(id.slice(2, 17)) === id.charCodeAt(17) - 48;
}

export const UPU_S10_PATTERN = /^[A-Z]{2}[0-9]{9}[A-Z]{2}$/;

/**
 * UPU S10 check digit (international postal items such as RR123456785IT): weights 8 6 4 2 3 5 9 7 on the
 * 8 serial digits, c = 11 − (sum mod 11), with 10 → 0 and 11 → 5 (UPU standard S10).
 */
export function upuS10CheckDigit(serial: string): number | undefined {
  if (!/^[0-9]{8}$/.test(serial)) return undefined;
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (serial.charCodeAt(i) - 48) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

export function isValidUpuS10(id: string): boolean {
  if (!UPU_S10_PATTERN.test(id)) return false;
  return upuS10CheckDigit(id.slice(2, 10)) === id.charCodeAt(10) - 48;
}

/** Luhn (ISO/IEC 7812-1 annex) over an all-digit string whose last digit is the check digit. */
export function hasValidLuhn(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Whether `id` (already uppercase, no spaces) passes `scheme`. 'mod10-gs1' and 'luhn' need an all-digit ID;
 * 'ups-1z' and 'upu-s10' need the whole ID in their format. An unknown scheme name fails closed.
 */
export function passesCheckDigit(scheme: CheckDigitScheme | undefined, id: string): boolean {
  switch (scheme ?? 'none') {
    case 'none':
      return true;
    case 'mod10-gs1':
      return hasValidGs1Mod10(id);
    case 'ups-1z':
      return isValidUps1z(id);
    case 'upu-s10':
      return isValidUpuS10(id);
    case 'luhn':
      return hasValidLuhn(id);
    default:
      return false;
  }
}
