import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * The driver QR payload: `OC2.<store>.<network>.<step>.<mac>`, where mac is
 * HMAC-SHA256 over the first four fields with a key derived from the
 * network's secret, truncated to its first 12 bytes (16 base64url
 * characters). A token lives for three 30-second steps, so a forger has
 * about 90 seconds of online guesses against 2^96 values; the full 32 bytes
 * would only make the QR denser and harder to read from a driver's phone.
 * Ids are restricted to [A-Za-z0-9_-] so the dots stay unambiguous.
 */
export const DRIVER_TOKEN_VERSION = 'OC2';
export const DRIVER_TOKEN_MAC_BYTES = 12;
const MAC_TEXT = /^[A-Za-z0-9_-]{16}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface DriverTokenClaims {
  storeId: string;
  networkId: string;
  step: number;
}

export type DriverTokenRejection = 'malformed' | 'wrong-store' | 'unknown-network' | 'bad-signature' | 'expired' | 'not-yet-valid';

export type DriverTokenVerdict = { valid: true; claims: DriverTokenClaims } | { valid: false; reason: DriverTokenRejection };

/** Separate keys for the 6-digit code and the QR signature, both derived from the one stored secret. */
export function deriveKey(secret: Uint8Array, purpose: 'driver-code' | 'driver-qr-mac'): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, new Uint8Array(0), `opencounter/${purpose}`, 32));
}

export function encodeDriverToken(claims: DriverTokenClaims, macKey: Uint8Array): string {
  if (!ID.test(claims.storeId) || !ID.test(claims.networkId)) throw new Error('Store and network ids must be [A-Za-z0-9_-]');
  if (!Number.isSafeInteger(claims.step) || claims.step < 0) throw new Error('Bad time step');
  const body = `${DRIVER_TOKEN_VERSION}.${claims.storeId}.${claims.networkId}.${claims.step}`;
  return `${body}.${mac(body, macKey)}`;
}

export function parseDriverToken(payload: string): { claims: DriverTokenClaims; body: string; mac: string } | undefined {
  const parts = payload.split('.');
  if (parts.length !== 5) return undefined;
  const [version, storeId, networkId, stepText, macText] = parts as [string, string, string, string, string];
  if (version !== DRIVER_TOKEN_VERSION || !ID.test(storeId) || !ID.test(networkId)) return undefined;
  if (!/^\d{1,15}$/.test(stepText) || !MAC_TEXT.test(macText)) return undefined;
  return {
    claims: { storeId, networkId, step: Number(stepText) },
    body: parts.slice(0, 4).join('.'),
    mac: macText,
  };
}

export function signatureMatches(body: string, macText: string, macKey: Uint8Array): boolean {
  const expected = Buffer.from(mac(body, macKey));
  const given = Buffer.from(macText);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function mac(body: string, key: Uint8Array): string {
  return createHmac('sha256', key).update(body).digest().subarray(0, DRIVER_TOKEN_MAC_BYTES).toString('base64url');
}
