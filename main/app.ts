import { EventBus } from './api/event-bus';
import { coreHandlers, unavailableHandlers } from './api/handlers';
import { blockingGuard } from './api/blocking-guard';
import { roleGuard } from './api/roles';
import { sessionView } from './api/staff-handlers';
import { outsideAnyCall } from './core/staff/acting-staff';
import { createRouter, type Router } from './api/router';
import type { ScanClassificationView, SystemStatus } from './api/schemas';
import { classifyScan, ScanDeduper, scanNetworksOf } from './core/scanning';
import type { Clock } from './core/clock';
import type { RawScan } from './devices/scan';
import { backupFolderOf, openCounterCore, type CoreOptions, type CounterCore } from './core/counter-core';
import { BACKUPS_DIR_NAME, checkBackup, createBackup, listBackups, newestGoodBackup, replaceLiveDatabase } from './core/backup/backups';
import { CoreError } from './core/errors';
import { join } from 'node:path';
import { networkLinks } from './api/network-handlers';
import { networkSync } from './network-sync';
import { supportSync } from './support-sync';
export { SUPPORT_POLL_MS, SUPPORT_RETRY_MS } from './support-sync';
import { SchemaTooNewError } from './core/db/migrate';
import { DatabaseIntegrityError } from './core/db/open';
import { OutboxSender } from './outbox-sender';
import { Scheduler, type DeadlineSource } from './core/scheduler';
import { ScannerHub } from './scanner-hub';

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
  const restore = async (name: string) => {
    const folder = backupFolderFor(options.dataDir, current.core);
    if (!listBackups(folder).some((b) => b.name === name)) throw new CoreError('NOT_FOUND', `No backup ${name}`);
    const check = checkBackup(folder, name);
    if (!check.ok) throw new CoreError('BACKUP_DAMAGED', `Backup ${name} failed its ${check.problem} check: ${check.detail}`);
    current.close();
    let replacedKeptIn: string;
    try {
      replacedKeptIn = replaceLiveDatabase(options.dataDir, folder, name, options.clock.now());
    } finally {
      current = startCore(options, events, log, restore);
    }
    log(`restored backup ${name}; the replaced files are in ${replacedKeptIn}`);
    return { restored: name, replacedKeptIn };
  };
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
    close: () => current.close(),
  };
}

/** Where backups are: the folder the settings name, else inside the data folder (also when the database is unreadable). */
function backupFolderFor(dataDir: string, core: CounterCore | undefined): string {
  return core ? backupFolderOf(core.db, dataDir) : join(dataDir, BACKUPS_DIR_NAME);
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
    const good = newestGoodBackup(backupFolderFor(options.dataDir, undefined));
    const status = { ...databaseErrorStatus(error, options.version), backup: good ? { name: good.name, at: good.at } : null };
    return {
      status,
      router: createRouter(unavailableHandlers(status, restore), { log }),
      events,
      core: undefined,
      receiveScan: () => {},
      scanners: undefined,
      poke: async () => {},
      close: () => {},
    };
  }
  const chainCheck = core.counter.chain.checkAtStart();
  if (chainCheck.breaks.length > 0) log(`custody log chain broken at event ${chainCheck.breaks[0]!.eventId} (${chainCheck.breaks[0]!.problem})`);
  const testHooks = options.testHooks ?? false;
  const announce = () => events.emit('counter.changed', { at: core.clock.now() });
  let closed = false;
  // Network answers may land after close; they must not touch the closed database.
  const emitLinks = () => {
    if (!closed) events.emit('networks.links', networkLinks(core));
  };
  const outbox = new OutboxSender(core, {
    log,
    settled: () => {
      emitLinks();
      void scheduler.poke();
    },
  });
  const pushOutbox = () => outbox.push();
  const scheduler = new Scheduler(
    options.clock,
    [
      driverQrRotation(core, events),
      parcelExpiry(core, () => (announce(), pushOutbox())),
      ...deadlineWatchers(core, announce),
      supportSync(core, { announce, log, wake: () => void (closed || scheduler.poke()) }),
      networkSync(core, { announce: () => (announce(), pushOutbox()), wake: () => void (closed || scheduler.poke()), checkedIn: (checkIn) => (events.emit('networks.driverCheckedIn', checkIn), announce()), log }),
      outbox.retries(),
      idleLock(core),
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
  core.session.onChange(() => {
    if (!closed) events.emit('session.changed', sessionView(core));
    outsideAnyCall(() => void scheduler.poke());
  });
  const signedIn = roleGuard(core.session);
  const blocked = blockingGuard(() => core.counter.blocking.current());
  const deduper = new ScanDeduper();
  const receiveScan = (scan: RawScan) => {
    const receivedAt = options.clock.now();
    if (deduper.isDuplicate({ code: scan.code, source: scan.deviceId ?? scan.source, at: receivedAt })) return;
    core.session.touch();
    events.emit('scanner.scanned', { code: scan.code, source: scan.source, receivedAt, classification: classifyForRenderer(core, scan) });
  };
  const scanners = new ScannerHub({ core, events, receiveScan, extraSerialPaths: options.serialPaths, log });
  void scanners.refresh().catch((error: unknown) => log('scanners could not be opened', error));
  scheduler.start();
  void dailyBackup(core, options.dataDir).catch((error: unknown) => log('the daily backup failed', error));
  void pullFirstDemoManifests(core).then(changed, (error) => log('demo manifest could not be loaded', error));
  pushOutbox();
  return {
    status: { state: 'ready', storeId: core.storeId, version: options.version, testHooks },
    router: createRouter(coreHandlers(core, { version: options.version, testHooks }, { changed, hub: scanners, backups: { dataDir: options.dataDir, restore } }), {
      log,
      guard: (name) => signedIn(name) ?? blocked(name),
      actor: () => core.session.current()?.id,
    }),
    events,
    core,
    receiveScan,
    scanners,
    poke: () => scheduler.poke(),
    close: () => {
      closed = true;
      outbox.close();
      scheduler.stop();
      void scanners.close();
      core.close();
    },
  };
}

/** Pushes every enabled network's new QR once a time step boundary has passed since the last push. */
function driverQrRotation(core: CounterCore, events: EventBus): DeadlineSource {
  let pushedAt = core.clock.now();
  return {
    name: 'driver-qr-rotation',
    nextAt: () => core.driverQr.nextRotationAt(pushedAt),
    run: async (now) => {
      pushedAt = now;
      for (const network of core.networks.list().filter((n) => n.enabled)) {
        events.emit('driverQr.rotated', await core.driverQr.current(network.id));
      }
    },
  };
}

/** The first start of each (UTC) day takes a backup with the backup API; the rotation keeps 7 daily and 4 weekly. */
async function dailyBackup(core: CounterCore, dataDir: string): Promise<void> {
  const folder = backupFolderOf(core.db, dataDir);
  const today = Math.floor(core.clock.now() / 86_400_000);
  if (listBackups(folder).some((b) => b.kind !== 'pre-migration' && Math.floor(b.at / 86_400_000) === today)) return;
  await createBackup(core.db, dataDir, folder, core.clock, 'daily');
}

/** Locks the counter once nobody touched it for the manager's idle time; a flow with a running deadline holds it off until it ends. */
function idleLock(core: CounterCore): DeadlineSource {
  return {
    name: 'idle-lock',
    nextAt: () => core.session.lockDueAt(),
    run: (now) => void core.session.lockIfIdle(now),
  };
}

/** Moves parcels whose retention ended to expired, raising the notice, at the stored time. */
function parcelExpiry(core: CounterCore, announce: () => void): DeadlineSource {
  return {
    name: 'parcel-expiry',
    nextAt: () => core.counter.expiry.nextExpiryAt(),
    run: () => {
      if (core.counter.expiry.sweep() > 0) announce();
    },
  };
}

/** Tells the renderer when an intake or expired-scan deadline passes (blocking) or returns become overdue. */
function deadlineWatchers(core: CounterCore, announce: () => void): DeadlineSource[] {
  const watch = (name: string, next: (after: number) => number | undefined): DeadlineSource => {
    let checkedAt = core.clock.now();
    return {
      name,
      nextAt: () => next(checkedAt),
      run: (now) => {
        checkedAt = now;
        announce();
      },
    };
  };
  return [
    watch('blocking-deadlines', (after) => core.counter.blocking.nextDeadlineAt(after)),
    watch('return-escalation', (after) => core.counter.returns.nextEscalationAt(after)),
    // A driver check-in leaves the home screen 30 minutes after it arrived.
    watch('check-in-expiry', (after) => core.checkIns.nextExpiryAt(after)),
    // The home screen's reminder to review the opening-hours exceptions appears when it falls due, not at the next reload.
    watch('hours-review', (after) => {
      const dueAt = core.hours.reviewDueAt();
      return dueAt > after ? dueAt : undefined;
    }),
  ];
}

/** A fresh install gets the first announced parcels of each demo network, so there is something to train on. */
async function pullFirstDemoManifests(core: CounterCore): Promise<void> {
  for (const network of core.networks.list()) {
    const adapter = core.adapters.for(network);
    if (network.adapter === 'demo' && adapter && core.settings.get(`manifest.cursor.${network.id}`) === undefined) {
      await core.counter.pullManifest(network.id, adapter);
    }
  }
}

function classifyForRenderer(core: CounterCore, scan: RawScan): ScanClassificationView {
  const result = classifyScan(scan.code, scanNetworksOf(core.networks.list()), scan.symbology ? { symbology: scan.symbology } : {});
  if (result.kind === 'parcel') return { kind: 'parcel', trackingId: result.trackingId, networkId: result.network };
  if (result.kind === 'pickup') return { kind: 'pickup', pickupCode: result.code, networkId: result.network };
  return { kind: 'unknown', reason: result.reason };
}

function databaseErrorStatus(error: unknown, version: string): SystemStatus {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof DatabaseIntegrityError) return { state: 'database-error', reason: 'integrity', detail, version };
  if (error instanceof SchemaTooNewError) return { state: 'database-error', reason: 'schema-too-new', detail, version };
  return { state: 'database-error', reason: 'open-failed', detail, version };
}
