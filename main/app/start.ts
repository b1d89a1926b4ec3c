import { EventBus } from '../api/event-bus';
import { coreHandlers, unavailableHandlers } from '../api/handlers';
import { blockingGuard } from '../api/blocking-guard';
import { createRouter, type Router } from '../api/router';
import type { ScanClassificationView, SystemStatus } from '../api/schemas';
import { roleGuard } from '../api/roles';
import { sessionView } from '../api/staff/handlers';
import { outsideAnyCall } from '../core/staff/acting-staff';
import { idleLock } from '../core/staff/staff-deadlines';
import { ScanDeduper } from '../core/scanning';
import { classifyCounterScan } from '../core/parcels/counter-scan';
import type { Clock } from '../core/clock';
import type { RawScan } from '../devices/scan';
import { openCounterCore, type CoreOptions, type CounterCore } from '../core/counter-core';
import { networkLinks } from '../api/networks/handlers';
import { SchemaTooNewError } from '../core/db/migrate';
import { DatabaseIntegrityError } from '../core/db/open';
import { driverQrRotation } from '../core/driver-qr/driver-qr-deadlines';
import { hoursReviewReminder } from '../core/hours/hours-deadlines';
import { checkInExpiry } from '../core/networks/network-deadlines';
import { parcelDeadlines } from '../core/parcels/parcel-deadlines';
import { Scheduler } from '../core/scheduler';
import { cursorKeys } from '../core/settings';
import { supportAutoClose } from '../core/support/support-deadlines';
import { backupFolderFor, dailyBackup, restoreBackup } from './backups';
import { newestGoodBackup } from '../core/backup/backups';
import { MigrationRolledBackError } from '../core/backup/migration-rollback';
import { checkInPull } from './background/check-in-pull';
import { manifestPull } from './background/manifest-pull';
import { NetworkPoller } from './background/network-poller';
import { outboxSending } from './background/outbox-sending';
import { supportExchange } from './background/support-exchange';
import { ScannerHub } from './scanner-hub';
import { logDirOf } from './logging';
import type { UpdatePlatform } from '../api/updates/handlers';
import type { DisplayControl } from '../api/kiosk/handlers';

export interface CounterAppOptions {
  dataDir: string;
  clock: Clock;
  version: string;
  testHooks?: boolean;
  /** Serial scanners named on the command line (--serial), opened for this run only. */
  serialPaths?: readonly string[];
  /** Core options (HTTP timeouts and retries in tests). */
  core?: CoreOptions;
  log?: (message: string, error?: unknown) => void;
  /** The process's updater and login item, made once the core is open (Electron only). */
  updates?: (core: CounterCore) => UpdatePlatform;
  /** Keeps the display awake while the driver QR shows (Electron only; the browser page does it itself). */
  display?: DisplayControl;
}

/** Everything a transport needs: the router to serve, the events to forward, and the lifecycle. */
export interface CounterApp {
  status: SystemStatus;
  router: Router;
  events: EventBus;
  core: CounterCore | undefined;
  /** A scan from any scanner driver enters the app here. */
  receiveScan(scan: RawScan): void;
  /** The scanners; undefined when the database could not be opened. */
  scanners: ScannerHub | undefined;
  /** Re-reads every deadline now (after the clock moved, or a write that may move one). */
  poke(): Promise<void>;
  /** Resolves once no network call is in flight (one run may start the next: the outbox after a manifest). */
  networksIdle(): Promise<void>;
  close(): void;
}

/**
 * The composition root shared by the Electron main process and the browser
 * host. If the database cannot be opened the app still starts, so the
 * renderer can show the staff what happened instead of a blank window.
 */
export function startCounterApp(options: CounterAppOptions): CounterApp {
  const log = options.log ?? ((message, error) => console.error(`[opencounter] ${message}`, error ?? ''));
  const events = new EventBus();
  // A restore closes the running core and starts a new one on the restored file; transports keep this object.
  const restore = (name: string) =>
    restoreBackup({ ...options, log }, current, name, () => {
      current = startCore(options, events, log, restore);
    });
  let current = startCore(options, events, log, restore);
  return {
    get status() {
      return current.status;
    },
    router: { dispatch: (name, input) => current.router.dispatch(name, input) },
    events,
    get core() {
      return current.core;
    },
    receiveScan: (scan) => current.receiveScan(scan),
    get scanners() {
      return current.scanners;
    },
    poke: () => current.poke(),
    networksIdle: () => current.networksIdle(),
    close: () => current.close(),
  };
}

function startCore(
  options: CounterAppOptions,
  events: EventBus,
  log: (message: string, error?: unknown) => void,
  restore: (name: string) => Promise<{ restored: string; replacedKeptIn: string }>,
): CounterApp {
  let core: CounterCore;
  try {
    core = openCounterCore(options.dataDir, options.clock, options.core);
  } catch (error) {
    log('database could not be opened', error);
    const failed = databaseErrorStatus(error, options.version);
    // A backup can replace a damaged file; a file from a newer version, or one a migration could not convert (already back as it was), it would only take a step back.
    const good =
      failed.reason === 'integrity' || failed.reason === 'open-failed'
        ? newestGoodBackup(backupFolderFor(options.dataDir, undefined))
        : undefined;
    const status = { ...failed, backup: good ? { name: good.name, at: good.at } : null };
    return {
      status,
      router: createRouter(unavailableHandlers(status, restore), { log }),
      events,
      core: undefined,
      receiveScan: () => {},
      scanners: undefined,
      poke: async () => {},
      networksIdle: async () => {},
      close: () => {},
    };
  }
  const chainCheck = core.counter.chain.checkAtStart();
  if (chainCheck.breaks.length > 0)
    log(`custody log chain broken at event ${chainCheck.breaks[0]!.eventId} (${chainCheck.breaks[0]!.problem})`);
  const testHooks = options.testHooks ?? false;
  const announce = () => events.emit('counter.changed', { at: core.clock.now() });
  let closed = false;
  // Network answers may land after close; they must not touch the closed database.
  const emitLinks = () => {
    if (!closed) events.emit('networks.links', networkLinks(core));
  };
  const wake = () => void (closed || scheduler.poke());
  const outbox = new NetworkPoller(outboxSending(core, log), core.clock, () => {
    emitLinks();
    wake();
  });
  const pushOutbox = () => outbox.runDue(core.clock.now(), { ignoreBackoff: true });
  const changedAndSent = () => (announce(), pushOutbox());
  const pollers = [
    outbox,
    new NetworkPoller(manifestPull(core, { announce: changedAndSent, log }), core.clock, wake),
    new NetworkPoller(
      checkInPull(core, { checkedIn: (checkIn) => (events.emit('networks.driverCheckedIn', checkIn), announce()), log }),
      core.clock,
      wake,
    ),
    new NetworkPoller(supportExchange(core, { announce, log }), core.clock, wake),
  ];
  // Each feature's times, from the database and the clock.
  const scheduler = new Scheduler(
    options.clock,
    [
      driverQrRotation(core.driverQr, core.networks, core.clock, (qr) => events.emit('driverQr.rotated', qr)),
      ...parcelDeadlines(core.counter, core.clock, changedAndSent),
      checkInExpiry(core.checkIns, core.clock, announce),
      hoursReviewReminder(core.hours, core.clock, announce),
      supportAutoClose(core.support, announce),
      ...pollers.map((p) => p.source()),
      idleLock(core.session),
    ],
    (source, error) => log(`scheduled work ${source} failed`, error),
  );
  // A network that answers again gets what waited for it at once, not at the next retry.
  core.links.onChange(() => {
    if (closed) return;
    emitLinks();
    if (networkLinks(core).some((l) => l.state === 'online' && l.pending > 0)) pushOutbox();
  });
  // Started by a call but not part of it: the pushes and timers it sets off run as the system, not as the person.
  const changed = () =>
    outsideAnyCall(() => {
      announce();
      emitLinks();
      void scheduler.poke();
      pushOutbox();
    });
  core.kiosk.onChange((state) => {
    if (!closed) events.emit('kiosk.changed', state);
  });
  core.session.onChange(() => {
    if (!closed) events.emit('session.changed', sessionView(core));
    outsideAnyCall(() => void scheduler.poke());
  });
  const signedIn = roleGuard(core.session);
  const blocked = blockingGuard(() => core.counter.blocking.current());
  const deduper = new ScanDeduper();
  const receiveScan = (scan: RawScan) => {
    const receivedAt = options.clock.now();
    const { normalized, classification } = classifyForRenderer(core, scan);
    // The normalised code: "qc0000000055" right after "QC0000000055" is the same label read twice.
    if (deduper.isDuplicate({ code: normalized, source: scan.deviceId ?? scan.source, at: receivedAt })) return;
    // Main saw this pickup barcode: the pickup it opens is not a typed code, so the typed-code lock does not hold it back.
    if (classification.kind === 'pickup' && classification.networkId)
      core.counter.pickupBarcodes.remember(classification.networkId, classification.pickupCode);
    core.session.touch();
    events.emit('scanner.scanned', { code: scan.code, source: scan.source, receivedAt, classification });
  };
  const scanners = new ScannerHub({ core, events, receiveScan, extraSerialPaths: options.serialPaths, log });
  void scanners.refresh().catch((error: unknown) => log('scanners could not be opened', error));
  scheduler.start();
  void dailyBackup(core, options.dataDir).catch((error: unknown) => log('the daily backup failed', error));
  void pullFirstDemoManifests(core).then(changed, (error) => log('demo manifest could not be loaded', error));
  pushOutbox();
  return {
    status: { state: 'ready', storeId: core.storeId, version: options.version, testHooks },
    router: createRouter(
      coreHandlers(
        core,
        { version: options.version, testHooks },
        {
          changed,
          scanners,
          logDir: logDirOf(options.dataDir),
          updates: options.updates?.(core),
          backups: { dataDir: options.dataDir, restore },
          display: options.display,
        },
      ),
      {
        log,
        guard: (name) => signedIn(name) ?? blocked(name),
        actor: () => core.session.current()?.id,
      },
    ),
    events,
    core,
    receiveScan,
    scanners,
    poke: () => scheduler.poke(),
    networksIdle: async () => {
      do await Promise.all(pollers.map((p) => p.idle()));
      while (!pollers.every((p) => p.isIdle));
    },
    close: () => {
      closed = true;
      for (const poller of pollers) poller.close();
      scheduler.stop();
      void scanners.close();
      core.close();
    },
  };
}

/** A fresh install gets the first announced parcels of each demo network, so there is something to train on. */
async function pullFirstDemoManifests(core: CounterCore): Promise<void> {
  for (const network of core.networks.list()) {
    const adapter = core.adapters.for(network);
    if (network.adapter === 'demo' && adapter && core.settings.get(cursorKeys.manifest(network.id)) === undefined) {
      await core.counter.pullManifest(network.id, adapter);
    }
  }
}

function classifyForRenderer(core: CounterCore, scan: RawScan): { normalized: string; classification: ScanClassificationView } {
  const result = classifyCounterScan(scan.code, core.networks.list(), core.counter.parcels, scan.symbology);
  const view = (classification: ScanClassificationView) => ({ normalized: result.normalized, classification });
  if (result.kind === 'parcel') return view({ kind: 'parcel', trackingId: result.trackingId, networkId: result.network });
  if (result.kind === 'pickup') return view({ kind: 'pickup', pickupCode: result.code, networkId: result.network });
  return view({ kind: 'unknown', reason: result.reason });
}

function databaseErrorStatus(error: unknown, version: string): Extract<SystemStatus, { state: 'database-error' }> {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof DatabaseIntegrityError) return { state: 'database-error', reason: 'integrity', detail, version };
  if (error instanceof SchemaTooNewError) return { state: 'database-error', reason: 'schema-too-new', detail, version };
  if (error instanceof MigrationRolledBackError) {
    return {
      state: 'database-error',
      reason: 'migration-failed',
      detail,
      version,
      migration: { failedVersion: error.failure.failedVersion, keptAside: error.keptAside },
    };
  }
  return { state: 'database-error', reason: 'open-failed', detail, version };
}
