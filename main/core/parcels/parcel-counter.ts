import type { PolicyRefusal } from '../networks/policy-check';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import type { ManifestRecall, NetworkAdapter } from '../networks/network-adapter';
import { sql } from '../db/statements';
import { normaliseTrackingId } from './parcel-rules';
import type { NetworkRepository } from '../networks/network-repository';
import { cursorKeys, type SettingsRepository } from '../settings';
import { Blocking } from './blocking';
import { CustodyLedger } from './custody-ledger';
import { CustodyChain } from './custody-chain';
import { Deliveries } from './deliveries';
import { Expiry } from './expiry';
import { ingestManifest } from './manifest-ingest';
import { ParcelRepository } from './parcel-repository';
import { PickupCodeHasher, PickupThrottle, type BudgetBasis } from './pickup-codes';
import { Pickups } from './pickups';
import { COLLECTABLE } from './parcel-states';
import { ScannedPickupBarcodes } from './scanned-pickup-barcodes';
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
  /** Fed by the scanner hub: pickup barcodes main read, so a barcode pickup is told from a typed one. */
  readonly pickupBarcodes: ScannedPickupBarcodes;
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
    this.throttle = new PickupThrottle(db, clock, counterId, () => this.budgetBasis());
    this.pickupBarcodes = new ScannedPickupBarcodes(clock);
    this.deliveries = new Deliveries(db, clock, networks, this.parcels, this.ledger, this.slots);
    this.pickups = new Pickups(db, clock, this.parcels, this.ledger, this.hasher, this.throttle, this.pickupBarcodes);
    this.expiry = new Expiry(db, clock, networks, this.parcels, this.ledger);
    this.returns = new Returns(db, clock, networks, this.parcels, this.ledger);
    this.blocking = new Blocking(db, clock);
    this.slots.seedDefaults();
  }

  /**
   * What the wrong-code budget follows: the most codes that can be live at
   * once (the shelves full, every network at its capacity, or what the store
   * holds now if that is more) and the longest a parcel waits for its customer.
   */
  budgetBasis(): BudgetBasis {
    const networks = this.networks.list();
    const shelves = this.slots.list().reduce((n, slot) => n + slot.capacity, 0);
    const networkCapacity = networks.reduce((n, network) => n + network.policy.capacity, 0);
    const marks = COLLECTABLE.map(() => '?').join(', ');
    const waiting = sql<unknown[], { n: number }>(this.db, `SELECT count(*) AS n FROM parcels WHERE state IN (${marks})`).get(
      ...COLLECTABLE,
    )!.n;
    return {
      liveCodes: Math.max(1, shelves, networkCapacity, waiting),
      retentionDays: Math.max(1, ...networks.map((network) => network.policy.retentionDays)),
    };
  }

  /** A manager lifts the lock on typed codes before the wrong ones leave the window; logged, the attempts stay. */
  liftCodeLock(actorId: string): { liftedAt: number } {
    return this.db.transaction(() => this.throttle.lift(actorId)).immediate();
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
    const cursorKey = cursorKeys.manifest(networkId);
    const result: ManifestPull = { added: 0, recalled: 0, policyChanged: false, skipped: 0, refusedPolicy: [] };
    for (let page = 0; page < MAX_PAGES_PER_PULL; page++) {
      const manifest = await adapter.pullManifest(networkId, this.settings.get(cursorKey));
      this.db
        .transaction(() => {
          if (manifest.policy && Object.keys(manifest.policy).length > 0) {
            const { refused } = this.networks.applyNetworkPolicy(networkId, manifest.policy);
            result.policyChanged = true;
            result.refusedPolicy.push(...refused);
          }
          result.added += ingestManifest(this.db, this.clock, this.parcels, this.ledger, this.hasher, networkId, manifest.items);
          for (const recall of manifest.recalls ?? []) if (this.applyRecall(networkId, recall)) result.recalled++;
          this.settings.set(cursorKey, manifest.cursor);
        })
        .immediate();
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
  /** Policy fields the network sent that the counter cannot use (out of range, a pattern RE2 cannot run): the previous value stays. */
  refusedPolicy: PolicyRefusal[];
}

/** A pull stops after this many pages so one busy network cannot hold the others up; the rest comes on the next pull. */
const MAX_PAGES_PER_PULL = 50;
