import type { ParcelSize } from '../parcels/parcel-shapes';
import { seededRandom } from '../seeded-random';
import type { DemoOperatorDesk } from './demo-operator';
import type { ManifestItem, ManifestPage, NetworkAdapter, OutboundEvent, OutboundSupportItem, SupportUpdate } from './network-adapter';

const NAMES: Record<string, readonly string[]> = {
  'demo-it': [
    'Giulia Rossi',
    'Marco Bianchi',
    'Francesca Romano',
    'Luca Colombo',
    'Chiara Ricci',
    'Alessandro Greco',
    'Sara Bruno',
    'Matteo Gallo',
  ],
  'demo-fr': ['Camille Martin', 'Lucas Bernard', 'Léa Dubois', 'Hugo Thomas', 'Chloé Robert', 'Louis Petit', 'Manon Durand', 'Jules Leroy'],
};
const PREFIX: Record<string, string> = { 'demo-it': 'IT', 'demo-fr': 'QC' };
const SIZES: readonly ParcelSize[] = ['small', 'small', 'small', 'medium', 'medium', 'large'];
const ALPHANUM = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The deterministic n-th parcel of a demo network. Some customers get two parcels, as in real life. */
export function demoParcel(networkId: string, n: number): ManifestItem {
  const random = seededRandom(hash(`${networkId}:${n}`));
  const names = NAMES[networkId] ?? NAMES['demo-it']!;
  // Every third parcel goes to the same customer as the one before it, with the same code.
  const customer = n % 3 === 2 ? n - 1 : n;
  const customerRandom = seededRandom(hash(`${networkId}:customer:${customer}`));
  const body = Array.from({ length: 10 }, () => ALPHANUM[Math.floor(random() * ALPHANUM.length)]).join('');
  return {
    trackingId: `${PREFIX[networkId] ?? 'DM'}${body}`,
    recipientName: names[Math.floor(customerRandom() * names.length)]!,
    size: SIZES[Math.floor(random() * SIZES.length)]!,
    pickupCode: String(Math.floor(customerRandom() * 1_000_000)).padStart(6, '0'),
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The embedded demo network: it announces parcels in batches and accepts
 * every event. The cursor is the index of the next parcel it will announce.
 * Its operator desk (when given) takes and answers support cases on the
 * app's clock.
 */
export class DemoNetwork implements NetworkAdapter {
  readonly received: OutboundEvent[] = [];
  readonly supportReceived: OutboundSupportItem[] = [];
  constructor(
    private readonly batchSize = 6,
    private readonly desk?: DemoOperatorDesk,
  ) {}

  async pullManifest(networkId: string, cursor: string | undefined): Promise<ManifestPage> {
    const from = Number(cursor ?? 0);
    const items = Array.from({ length: this.batchSize }, (_, i) => demoParcel(networkId, from + i));
    return { items, cursor: String(from + this.batchSize) };
  }

  async pushEvents(_networkId: string, events: readonly OutboundEvent[]): Promise<void> {
    this.received.push(...events);
  }

  async pushSupport(networkId: string, items: readonly OutboundSupportItem[]): Promise<void> {
    this.desk?.receive(networkId, items);
    this.supportReceived.push(...items);
  }

  async pullSupport(networkId: string, now: number): Promise<SupportUpdate[]> {
    return this.desk?.due(networkId, now) ?? [];
  }

  nextSupportUpdateAt(networkId: string): number | undefined {
    return this.desk?.nextDueAt(networkId);
  }

  /** What the demo customer's notification shows, for the training panel. */
  pickupCodeOf(networkId: string, trackingId: string, upTo: number): string | undefined {
    for (let n = 0; n < upTo; n++) {
      const parcel = demoParcel(networkId, n);
      if (parcel.trackingId === trackingId) return parcel.pickupCode;
    }
    return undefined;
  }
}
