import type { Clock } from '../clock';

/** How long a scanned pickup barcode stays good for opening its pickup. */
export const BARCODE_PROOF_MS = 2 * 60_000;
const MAX_REMEMBERED = 64;

/**
 * The pickup barcodes main itself read from a scanner a moment ago. The
 * renderer says how a code came, but only main saw the scan: a pickup
 * started "from a barcode" counts as one only if main has the scan here,
 * so claiming a scan cannot get round the lock on typed codes. Held in
 * memory on purpose: the proof is for the next few seconds, not a record.
 */
export class ScannedPickupBarcodes {
  private readonly seen = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  remember(networkId: string, code: string): void {
    this.prune();
    this.seen.delete(key(networkId, code));
    this.seen.set(key(networkId, code), this.clock.now());
    if (this.seen.size > MAX_REMEMBERED) this.seen.delete(this.seen.keys().next().value!);
  }

  /** True once per scan: the code came from this network's pickup barcode just now. */
  take(networkId: string, code: string): boolean {
    this.prune();
    return this.seen.delete(key(networkId, code));
  }

  private prune(): void {
    const oldest = this.clock.now() - BARCODE_PROOF_MS;
    for (const [k, at] of this.seen) if (at < oldest) this.seen.delete(k);
  }
}

const key = (networkId: string, code: string) => `${networkId.toLowerCase()}:${code}`;
