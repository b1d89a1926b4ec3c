import type { Clock } from '../clock';
import type { NetworkAdapter } from '../networks/network-adapter';
import type { Network, NetworkRepository } from '../networks/network-repository';
import type { NetworkStatusBoard } from '../networks/network-status';
import type { ParcelCounter } from '../parcels/parcel-counter';
import type { SettingsRepository } from '../settings';

const LAST_SYNC_KEY = 'sync.lastSuccessAt';

export interface SyncResult {
  networks: { networkId: string; ok: boolean; added: number }[];
  /** When every network last answered; null before the first full sync. */
  lastSuccessAt: number | null;
}

/** "Sync": pulls each enabled network's manifest through its adapter and keeps the time the last full sync succeeded. */
export class InventorySync {
  constructor(
    private readonly clock: Clock,
    private readonly networks: NetworkRepository,
    private readonly counter: ParcelCounter,
    private readonly settings: SettingsRepository,
    private readonly links: NetworkStatusBoard,
  ) {}

  /**
   * When the store last had every network's news: the last "Sync" that
   * worked, or the background syncs if later (the oldest of the enabled
   * networks' last answers, the times the top bar shows). Null while a
   * network never answered and no "Sync" worked.
   */
  lastSuccessAt(): number | null {
    const stored = this.settings.get(LAST_SYNC_KEY);
    const manual = stored === undefined ? null : Number(stored);
    const answers = this.networks
      .list()
      .filter((n) => n.enabled)
      .map((n) => this.links.status(n.id).lastSuccessAt);
    const background = answers.length === 0 || answers.some((at) => at === null) ? null : Math.min(...(answers as number[]));
    return manual === null ? background : background === null ? manual : Math.max(manual, background);
  }

  async sync(adapterFor: (network: Network) => NetworkAdapter | undefined): Promise<SyncResult> {
    const results: SyncResult['networks'] = [];
    for (const network of this.networks.list().filter((n) => n.enabled)) {
      const adapter = adapterFor(network);
      if (!adapter) {
        results.push({ networkId: network.id, ok: false, added: 0 });
        continue;
      }
      try {
        results.push({ networkId: network.id, ok: true, added: await this.counter.pullManifest(network.id, adapter) });
      } catch {
        // That network is down: the others still sync, and the last success time stays where it was.
        results.push({ networkId: network.id, ok: false, added: 0 });
      }
    }
    if (results.every((r) => r.ok)) this.settings.set(LAST_SYNC_KEY, String(this.clock.now()));
    return { networks: results, lastSuccessAt: this.lastSuccessAt() };
  }
}
