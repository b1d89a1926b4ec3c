import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import type { ManifestRecall, NetworkAdapter } from '../networks/network-adapter';
import { sql } from '../db/statements';
import { normaliseTrackingId } from './parcel-rules';
import type { NetworkRepository } from '../networks/network-repository';
import type { SettingsRepository } from '../settings';
import { Blocking } from './blocking';
import { CustodyLedger } from './custody-ledger';
import { CustodyChain } from './custody-chain';
import { Deliveries } from './deliveries';
import { Expiry } from './expiry';
import { ingestManifest } from './manifest-ingest';
import { ParcelRepository } from './parcel-repository';
import { PickupCodeHasher, PickupThrottle } from './pickup-codes';
import { Pickups } from './pickups';
import { Returns } from './returns';
import { ShelfSlots } from './shelf-slots';

/** The parcel counter's services over one database and clock. */
export class ParcelCounter {
  readonly parcels: ParcelRepository;
  readonly ledger: CustodyLedger;
  /** The custody log's hash chain: checks, alerts, receipts. */
  readonly chain: CustodyChain;
  readonly slots: ShelfSlots;
  readonly hasher: PickupCodeHasher;
  readonly throttle: PickupThrottle;
  readonly deliveries: Deliveries;
  readonly pickups: Pickups;
  readonly expiry: Expiry;
  readonly returns: Returns;
  readonly blocking: Blocking;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly networks: NetworkRepository,
    private readonly settings: SettingsRepository,
    counterId = 'counter-1',
  ) {
    this.parcels = new ParcelRepository(db);
    this.ledger = new CustodyLedger(db, clock);
    this.chain = new CustodyChain(db, clock);
    this.slots = new ShelfSlots(db);
    this.hasher = new PickupCodeHasher(db, clock);
    this.throttle = new PickupThrottle(db, clock, counterId);
    this.deliveries = new Deliveries(db, clock, networks, this.parcels, this.ledger, this.slots);
    this.pickups = new Pickups(db, clock, this.parcels, this.ledger, this.hasher, this.throttle);
    this.expiry = new Expiry(db, clock, networks, this.parcels, this.ledger);
    this.returns = new Returns(db, clock, networks, this.parcels, this.ledger);
    this.blocking = new Blocking(db, clock);
    this.slots.seedDefaults();
  }

  /** Pulls what the network announced; returns how many parcels were new (see `pull`). */
  async pullManifest(networkId: string, adapter: NetworkAdapter): Promise<number> {
    return (await this.pull(networkId, adapter)).added;
  }

  /**
   * Pulls what the network announced since the last pull (every page ready
   * now) and applies each page with its cursor in one transaction: new
   * parcels, recalls, policy changes. Pulls of one network run one after the
   * other, so "Sync" and the background sync never apply a cursor twice.
   */
  pull(networkId: string, adapter: NetworkAdapter): Promise<ManifestPull> {
    const previous = this.pulls.get(networkId) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.pullPages(networkId, adapter));
    this.pulls.set(networkId, next);
    return next;
  }

  private readonly pulls = new Map<string, Promise<unknown>>();

  private async pullPages(networkId: string, adapter: NetworkAdapter): Promise<ManifestPull> {
    const cursorKey = `manifest.cursor.${networkId}`;
    const result: ManifestPull = { added: 0, recalled: 0, policyChanged: false, skipped: 0 };
    for (let page = 0; page < MAX_PAGES_PER_PULL; page++) {
      const manifest = await adapter.pullManifest(networkId, this.settings.get(cursorKey));
      this.db.transaction(() => {
        if (manifest.policy && Object.keys(manifest.policy).length > 0) {
          this.networks.applyNetworkPolicy(networkId, manifest.policy);
          result.policyChanged = true;
        }
        result.added += ingestManifest(this.db, this.clock, this.parcels, this.ledger, this.hasher, networkId, manifest.items);
        for (const recall of manifest.recalls ?? []) if (this.applyRecall(networkId, recall)) result.recalled++;
        this.settings.set(cursorKey, manifest.cursor);
      }).immediate();
      result.skipped += manifest.skipped ?? 0;
      if (!manifest.hasMore) break;
    }
    return result;
  }

  /** An expected parcel stops being expected; one on the shelf goes to the parcels to send back. Others have left already. */
  private applyRecall(networkId: string, recall: ManifestRecall): boolean {
    const parcel = this.parcels.byTrackingId(normaliseTrackingId(recall.trackingId), networkId);
    if (!parcel || parcel.recalled_at !== null) return false;
    sql(this.db, 'UPDATE parcels SET recalled_at = ?, recall_reason = ? WHERE id = ?').run(this.clock.now(), recall.reason, parcel.id);
    if (parcel.state === 'received') this.expiry.recall(parcel);
    return true;
  }
}

/** What one pull changed, so the sync can tell the screen and the outbox. */
export interface ManifestPull {
  added: number;
  recalled: number;
  policyChanged: boolean;
  /** Changes the network sent that break the protocol, left out. */
  skipped: number;
}

/** A pull stops after this many pages so one busy network cannot hold the others up; the rest comes on the next pull. */
const MAX_PAGES_PER_PULL = 50;
