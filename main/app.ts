import { EventBus } from './api/event-bus';
import { coreHandlers, unavailableHandlers } from './api/handlers';
import { createRouter, type Router } from './api/router';
import type { SystemStatus } from './api/schemas';
import type { Clock } from './core/clock';
import type { RawScan } from './devices/scan';
import { openCounterCore, type CounterCore } from './core/counter-core';
import { SchemaTooNewError } from './core/db/migrate';
import { DatabaseIntegrityError } from './core/db/open';
import { Scheduler, type DeadlineSource } from './core/scheduler';

export interface CounterAppOptions {
  dataDir: string;
  clock: Clock;
  version: string;
  testHooks?: boolean;
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
  let core: CounterCore;
  try {
    core = openCounterCore(options.dataDir, options.clock);
  } catch (error) {
    log('database could not be opened', error);
    const status = databaseErrorStatus(error, options.version);
    return {
      status,
      router: createRouter(unavailableHandlers(status), { log }),
      events,
      core: undefined,
      receiveScan: () => {},
      poke: async () => {},
      close: () => {},
    };
  }
  const testHooks = options.testHooks ?? false;
  const scheduler = new Scheduler(options.clock, [driverQrRotation(core, events)], (source, error) =>
    log(`scheduled work ${source} failed`, error),
  );
  scheduler.start();
  return {
    status: { state: 'ready', storeId: core.storeId, version: options.version, testHooks },
    router: createRouter(coreHandlers(core, { version: options.version, testHooks }), { log }),
    events,
    core,
    receiveScan: (scan) => events.emit('scanner.scanned', { ...scan, receivedAt: options.clock.now() }),
    poke: () => scheduler.poke(),
    close: () => {
      scheduler.stop();
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

function databaseErrorStatus(error: unknown, version: string): SystemStatus {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof DatabaseIntegrityError) return { state: 'database-error', reason: 'integrity', detail, version };
  if (error instanceof SchemaTooNewError) return { state: 'database-error', reason: 'schema-too-new', detail, version };
  return { state: 'database-error', reason: 'open-failed', detail, version };
}
