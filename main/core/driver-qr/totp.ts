import { generateSync } from 'otplib';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  periodSeconds: number;
  digits?: 6 | 8;
  algorithm?: TotpAlgorithm;
}

/** The RFC 6238 time step that `nowMs` falls in. */
export function timeStep(nowMs: number, periodSeconds: number): number {
  return Math.floor(nowMs / 1000 / periodSeconds);
}

/** RFC 6238 TOTP of `key` at `nowMs`, computed by otplib. */
export function totp(key: Uint8Array, nowMs: number, options: TotpOptions): string {
  return generateSync({
    secret: key,
    epoch: Math.floor(nowMs / 1000),
    period: options.periodSeconds,
    digits: options.digits ?? 6,
    algorithm: options.algorithm ?? 'sha1',
  });
}
