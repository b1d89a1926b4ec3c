import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Clock } from './clock';
import { DriverQrService } from './driver-qr/driver-qr-service';
import { demoNetworks } from './networks/demo-networks';
import { NetworkRepository } from './networks/network-repository';
import type { TokenCipher } from './networks/token-cipher';
import { SettingsRepository } from './settings';
import { DemoNetwork } from './networks/demo-network';
import { NetworkAdapters, type HttpTuning } from './networks/network-adapters';
import { NetworkStatusBoard } from './networks/network-status';
import { NetworkSettings } from './networks/network-settings';
import { DriverCheckIns } from './networks/driver-check-ins';
import { StoreProfileService } from './store/store-profile';
import { ParcelCounter } from './parcels/parcel-counter';
import { ScannerConfigRepository } from './scanning/scanner-config';
import { OpeningHoursService } from './hours/opening-hours';
import { Inventory } from './inventory/inventory';
import { InventorySync } from './inventory/sync';
import { DemoOperatorDesk } from './networks/demo-operator';
import { AttachmentStore } from './support/attachments';
import { SupportDesk } from './support/support-desk';
import { StaffDirectory } from './staff/staff-directory';
import { StaffSession } from './staff/staff-session';
import { KioskMode } from './kiosk/kiosk-mode';
import { ATTACHMENTS_DIR_NAME } from './backup/backups';
import { openWithMigrationRollback } from './backup/migration-rollback';
import type { Migration } from './db/migration';
import { ServiceDesk } from './service/service-desk';
import { UpdateReadiness } from './updates/update-readiness';
import { UpdateSettings } from './updates/update-settings';

/** Where attached files are copied, inside the data folder. */
export { ATTACHMENTS_DIR_NAME };
export { backupFolderOf } from './backup/backups';

/** The domain, wired to one database and one clock. No Electron, no transport. */
export interface CounterCore {
  db: Database;
  clock: Clock;
  storeId: string;
  settings: SettingsRepository;
  networks: NetworkRepository;
  /** Adding and editing networks from Settings, with the store record each change owes them. */
  networkSettings: NetworkSettings;
  driverQr: DriverQrService;
  counter: ParcelCounter;
  scanners: ScannerConfigRepository;
  /** Help and support: cases, call-back requests, collaborators. */
  support: SupportDesk;
  /** The adapter of each network: the embedded demo, or HTTP from the network's settings. */
  adapters: NetworkAdapters;
  /** Online or offline per network, and when each last answered. */
  links: NetworkStatusBoard;
  /** Drivers the networks saw scan this store's QR. */
  checkIns: DriverCheckIns;
  /** The store's name, address, time zone and capabilities, sent to every network. */
  store: StoreProfileService;
  /** Parcels in the store by customer, search, filter, CSV. */
  inventory: Inventory;
  /** "Sync": every network's manifest, and when it last worked. */
  sync: InventorySync;
  /** Weekly hours and dated exceptions, sent to every network. */
  hours: OpeningHoursService;
  /** The people who may sign in, their roles and PINs. */
  staff: StaffDirectory;
  /** Who is signed in at this counter, and the idle lock. */
  session: StaffSession;
  /** The locked-down window: the `--kiosk` flag or a manager's setting; leaving takes a manager's PIN. */
  kiosk: KioskMode;
  /** After-sales service: customers, items, orders, technicians, allocation and visit planning. */
  service: ServiceDesk;
  /** The shop's update choices (channel, restart now, release notes, open at login). */
  updates: UpdateSettings;
  /** Whether a flow is open or a deadline runs right now, for the update policy. */
  updateReadiness: UpdateReadiness;
  close(): void;
}

export interface CoreOptions {
  /** Timeouts and retries of HTTP networks (tests shorten them). */
  http?: HttpTuning;
  /** How network tokens are sealed at rest (Electron's safeStorage); plain by default. */
  tokenCipher?: TokenCipher;
  /** Started with `--kiosk`: kiosk mode whatever the setting says. */
  kiosk?: boolean;
  /** The schema steps (a test injects a failing one); every migration by default. */
  migrations?: readonly Migration[];
}

export function openCounterCore(dataDir: string, clock: Clock, options: CoreOptions = {}): CounterCore {
  const db = openWithMigrationRollback(dataDir, clock, options.migrations);
  const settings = new SettingsRepository(db, clock);
  const networks = new NetworkRepository(db, clock, options.tokenCipher);
  networks.sealPlainTokens();
  const storeId = settings.getOrCreate('store.id', () => `ST-${randomBytes(5).toString('hex').toUpperCase()}`);
  seedDemoNetworks(db, networks);
  const counter = new ParcelCounter(db, clock, networks, settings);
  const links = new NetworkStatusBoard(settings, clock);
  const store: StoreProfileService = new StoreProfileService(db, clock, settings, networks, storeId, () => hours.get());
  const hours = new OpeningHoursService(
    db,
    clock,
    settings,
    () => store.timeZone(),
    (h) => store.publish(h),
  );
  const staff = new StaffDirectory(db, clock);
  return {
    db,
    clock,
    storeId,
    settings,
    networks,
    networkSettings: new NetworkSettings(db, networks, (ids) => store.publish(hours.get(), ids)),
    driverQr: new DriverQrService(storeId, networks, clock),
    counter,
    scanners: new ScannerConfigRepository(db, clock, settings),
    support: new SupportDesk(db, clock, networks, settings, new AttachmentStore(join(dataDir, ATTACHMENTS_DIR_NAME))),
    adapters: new NetworkAdapters(new DemoNetwork(6, new DemoOperatorDesk(db)), networks, storeId, settings, links, options.http),
    links,
    checkIns: new DriverCheckIns(db, clock, settings),
    store,
    inventory: new Inventory(db, counter.hasher, counter.throttle),
    sync: new InventorySync(clock, networks, counter, settings, links),
    hours,
    staff,
    session: new StaffSession(staff, clock, settings, () => counter.blocking.deadlines().length > 0),
    kiosk: new KioskMode(staff, settings, options.kiosk ?? false),
    service: new ServiceDesk(db, clock, settings, () => store.timeZone()),
    updates: new UpdateSettings(settings),
    updateReadiness: new UpdateReadiness(db, clock, counter.blocking, hours),
    close: () => db.close(),
  };
}

/** A fresh install gets the demo networks once; a shop that removed or renamed them keeps its choice. */
function seedDemoNetworks(db: Database, networks: NetworkRepository): void {
  db.transaction(() => {
    const seeded = db.prepare("SELECT value FROM settings WHERE key = 'demo.seeded'").get();
    if (seeded) return;
    for (const network of demoNetworks) networks.add(network);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('demo.seeded', '1', 0)").run();
  }).immediate();
}
