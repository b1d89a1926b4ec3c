import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The one place the PIN key derivation is tuned. scrypt with N = 2^15,
 * r = 8 needs 32 MiB and tens of milliseconds per try, so a stolen database
 * file does not give up a 4-digit PIN in a blink; the wrong-PIN wait guards
 * the screen.
 */
export const PIN_KDF = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

export const PIN_PATTERN = /^\d{4,8}$/;

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(pin, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$key`: the parameters travel with the hash, so a later tuning still reads old PINs. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(PIN_KDF.saltLength);
  const key = await derive(pin, salt, PIN_KDF, PIN_KDF.keyLength);
  return ['scrypt', PIN_KDF.N, PIN_KDF.r, PIN_KDF.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected);
}
