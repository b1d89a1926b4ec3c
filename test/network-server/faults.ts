// Which requests the test network answers badly, and how.
import { seededRandom } from '../../main/core/seeded-random';

export type FaultKind =
  /** Answer 500 with an Error body; nothing is applied. */
  | 'http-500'
  /** Accept the request and never answer; nothing is applied. */
  | 'timeout'
  /** Destroy the socket before applying anything. */
  | 'drop-before-commit'
  /** Apply the request fully, then destroy the socket without answering. */
  | 'drop-after-commit'
  /** Apply the request twice, as a retransmitting proxy would, and write both answers on the socket. */
  | 'duplicate-response'
  /** Apply the request, answer after `slowMs`. */
  | 'slow';

export const FAULT_KINDS: readonly FaultKind[] = [
  'http-500',
  'timeout',
  'drop-before-commit',
  'drop-after-commit',
  'duplicate-response',
  'slow',
];

export interface RandomFaults {
  /** Share of requests that get a fault, 0..1. */
  rate: number;
  /** Drawn uniformly; all kinds when omitted. */
  kinds?: readonly FaultKind[];
  /** The same seed and the same sequence of requests give the same faults. Default 1. */
  seed?: number;
  /** Only these operations get random faults; all when omitted. */
  operationIds?: readonly string[];
}

/** The fault API a test server exposes. */
export interface FaultControls {
  /**
   * The next `count` requests (of `operationId` only, when given) get `kind`, before any random fault.
   * Faults go only to requests the network would apply: authorized and following the document.
   */
  injectNext(kind: FaultKind, count?: number, operationId?: string): void;
  setRandomFaults(random: RandomFaults): void;
  /** Forgets queued and random faults. */
  clearFaults(): void;
}

interface Queued {
  kind: FaultKind;
  remaining: number;
  operationId: string | undefined;
}

export class FaultPlan implements FaultControls {
  private queue: Queued[] = [];
  private random:
    { rate: number; kinds: readonly FaultKind[]; operationIds: readonly string[] | undefined; next: () => number } | undefined;

  injectNext(kind: FaultKind, count = 1, operationId?: string): void {
    if (!FAULT_KINDS.includes(kind)) throw new Error(`Unknown fault kind ${String(kind)}`);
    if (count > 0) this.queue.push({ kind, remaining: count, operationId });
  }

  setRandomFaults(random: RandomFaults): void {
    const kinds = random.kinds ?? FAULT_KINDS;
    if (!(random.rate >= 0 && random.rate <= 1)) throw new Error(`Fault rate must be within 0..1, not ${random.rate}`);
    if (kinds.length === 0) throw new Error('Random faults need at least one kind');
    this.random = { rate: random.rate, kinds, operationIds: random.operationIds, next: seededRandom(random.seed ?? 1) };
  }

  clearFaults(): void {
    this.queue = [];
    this.random = undefined;
  }

  /** The fault for the request being served now, if any. */
  take(operationId: string): FaultKind | undefined {
    const queued = this.queue.find((q) => q.operationId === undefined || q.operationId === operationId);
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining === 0) this.queue.splice(this.queue.indexOf(queued), 1);
      return queued.kind;
    }
    const random = this.random;
    if (!random || (random.operationIds && !random.operationIds.includes(operationId))) return undefined;
    if (random.next() >= random.rate) return undefined;
    return random.kinds[Math.floor(random.next() * random.kinds.length)];
  }
}
