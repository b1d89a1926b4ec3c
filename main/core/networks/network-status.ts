import type { Clock } from '../clock';
import type { SettingsRepository } from '../settings';
import { problemOf } from './http/network-error';
import type { NetworkProblem } from './network-shapes';

export type LinkState = 'online' | 'offline' | 'unknown';

/** What the status bar shows for one network. */
export interface NetworkLinkStatus {
  networkId: string;
  state: LinkState;
  /** The last time the network answered; kept across restarts. */
  lastSuccessAt: number | null;
  /** When the current outage began (this run only). */
  offlineSince: number | null;
  problem: NetworkProblem | null;
}

const lastSuccessKey = (networkId: string) => `network.lastSuccessAt.${networkId}`;

/**
 * Online or offline per network, from what its last call did. Any answer
 * makes it online; a call that failed after its retries makes it offline
 * until the next answer.
 */
export class NetworkStatusBoard {
  private readonly live = new Map<string, { state: LinkState; offlineSince: number | null; problem: NetworkProblem | null }>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly settings: SettingsRepository,
    private readonly clock: Clock,
  ) {}

  succeeded(networkId: string): void {
    const before = this.live.get(networkId);
    this.settings.set(lastSuccessKey(networkId), String(this.clock.now()));
    this.live.set(networkId, { state: 'online', offlineSince: null, problem: null });
    if (before?.state !== 'online') this.notify();
  }

  failed(networkId: string, error: unknown): void {
    const before = this.live.get(networkId);
    const problem = problemOf(error);
    const offlineSince = before?.state === 'offline' ? before.offlineSince : this.clock.now();
    this.live.set(networkId, { state: 'offline', offlineSince, problem });
    if (before?.state !== 'offline' || before.problem !== problem) this.notify();
  }

  status(networkId: string): NetworkLinkStatus {
    const live = this.live.get(networkId) ?? { state: 'unknown' as const, offlineSince: null, problem: null };
    const stored = this.settings.get(lastSuccessKey(networkId));
    return { networkId, ...live, lastSuccessAt: stored === undefined ? null : Number(stored) };
  }

  /** Called when any network goes online or offline, or fails differently. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
