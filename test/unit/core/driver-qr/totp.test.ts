import { describe, expect, it } from 'vitest';
import { timeStep, totp, type TotpAlgorithm } from '../../../../main/core/driver-qr/totp';

const seeds: Record<TotpAlgorithm, Uint8Array> = {
  sha1: new TextEncoder().encode('12345678901234567890'),
  sha256: new TextEncoder().encode('12345678901234567890123456789012'),
  sha512: new TextEncoder().encode('1234567890123456789012345678901234567890123456789012345678901234'),
};

/** RFC 6238, Appendix B: time in seconds, then the 8-digit TOTP for SHA-1, SHA-256, SHA-512. */
const vectors: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238 test vectors)', () => {
  it.each(vectors)('at %i s', (seconds, sha1, sha256, sha512) => {
    const at = seconds * 1000;
    expect(totp(seeds.sha1, at, { periodSeconds: 30, digits: 8, algorithm: 'sha1' })).toBe(sha1);
    expect(totp(seeds.sha256, at, { periodSeconds: 30, digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(totp(seeds.sha512, at, { periodSeconds: 30, digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });

  it('gives the 6-digit code the counter shows (the last six digits of the RFC value)', () => {
    expect(totp(seeds.sha1, 59_000, { periodSeconds: 30 })).toBe('287082');
  });

  it('keeps one code through a step and changes at the boundary', () => {
    const key = seeds.sha1;
    const opts = { periodSeconds: 30 };
    expect(totp(key, 30_000, opts)).toBe(totp(key, 59_999, opts));
    expect(totp(key, 60_000, opts)).not.toBe(totp(key, 59_999, opts));
    expect(timeStep(59_999, 30)).toBe(1);
    expect(timeStep(60_000, 30)).toBe(2);
  });
});
