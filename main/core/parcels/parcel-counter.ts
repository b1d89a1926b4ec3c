import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import type { NetworkAdapter } from '../networks/network-adapter';
import type { NetworkRepository } from '../networks/network-repository';
import type { SettingsRepository } from '../settings';
import { Blocking } from './blocking';
import { CustodyLedger } from './custody-ledger';
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

  /** Pulls what the network announced since the last pull and stores it; returns how many parcels were new. */
  async pullManifest(networkId: string, adapter: NetworkAdapter): Promise<number> {
    const cursorKey = `manifest.cursor.${networkId}`;
    const page = await adapter.pullManifest(networkId, this.settings.get(cursorKey));
    return this.db.transaction(() => {
      const added = ingestManifest(this.db, this.clock, this.parcels, this.ledger, this.hasher, networkId, page.items);
      this.settings.set(cursorKey, page.cursor);
      return added;
    }).immediate();
  }
}
