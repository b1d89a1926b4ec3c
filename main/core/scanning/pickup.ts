/**
 * Pickup codes: what a customer shows at the counter to collect parcels (docs/rules.md, Parcels).
 *
 * - Typed or scanned **pickup code**: exactly 6 digits, e.g. "042917". Which network it belongs to is not
 *   known from the code alone.
 * - **Pickup barcode** (printed by the demo networks on the customer notification, as a QR Code or Code 128):
 *
 *       PU:<networkId>:<6 digits>        e.g.  PU:demo-it:042917
 *
 *   "PU" and the network ID are read case-insensitively (a scanner in caps-lock mode still works); the network
 *   ID must be one of the networks given to the classifier, and comes back spelled as configured. Network IDs
 *   are short slugs: letters, digits, "-" and "_", at most 32 characters. Whitespace anywhere is ignored.
 *   (A keyboard-wedge scanner must use the counter PC's keyboard layout for ":" and "-" to arrive intact; the
 *   wedge detector is the place that deals with layouts.)
 */

export const PICKUP_CODE_LENGTH = 6;
export const PICKUP_CODE_PATTERN = /^[0-9]{6}$/;
export const PICKUP_BARCODE_PREFIX = 'PU';

const NETWORK_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const PICKUP_BARCODE = /^PU:([^:]*):(.*)$/i;

/** The content of a pickup barcode for `networkId` and a 6-digit `code`. Throws on a malformed argument. */
export function formatPickupBarcode(networkId: string, code: string): string {
  if (!NETWORK_ID.test(networkId)) throw new RangeError(`Not a network ID for a pickup barcode: ${networkId}`);
  if (!PICKUP_CODE_PATTERN.test(code)) throw new RangeError('A pickup code is exactly 6 digits');
  return `${PICKUP_BARCODE_PREFIX}:${networkId}:${code}`;
}

export type PickupBarcodeParse = { kind: 'not-a-pickup-barcode' } | { kind: 'malformed' } | { kind: 'ok'; networkId: string; code: string };

/** Reads a normalised scan (no whitespace) as a pickup barcode; the network ID is not checked here. */
export function parsePickupBarcode(text: string): PickupBarcodeParse {
  const match = PICKUP_BARCODE.exec(text);
  if (!match) return { kind: 'not-a-pickup-barcode' };
  const networkId = match[1]!;
  const code = match[2]!;
  if (!NETWORK_ID.test(networkId) || !PICKUP_CODE_PATTERN.test(code)) return { kind: 'malformed' };
  return { kind: 'ok', networkId, code };
}
