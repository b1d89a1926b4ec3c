import { CoreError } from '../core/errors';
import type { CounterCore } from '../core/counter-core';
import { CALL_NAMES } from './contract';
import { driverQrHandlers } from './driver-qr/handlers';
import { hoursHandlers } from './hours/handlers';
import { inventoryHandlers } from './inventory/handlers';
import { networkHandlers } from './networks/handlers';
import { parcelHandlers } from './parcels/handlers';
import { scannerHandlers, type ScannerControl } from './scanning/handlers';
import { storeHandlers } from './store/handlers';
import { serviceHandlers } from './service/handlers';
import { supportHandlers } from './support/handlers';
import { systemHandlers } from './system/handlers';
import { updatesHandlers, type UpdatePlatform } from './updates/handlers';
import { staffHandlers } from './staff/handlers';
import { custodyHandlers } from './custody/handlers';
import { backupHandlers, type RestoreControl } from './backup/handlers';
import { kioskHandlers, type DisplayControl } from './kiosk/handlers';
import type { Handlers } from './router';
import type { SystemStatus } from './schemas';

/** What the handlers need from the process around core. */
export interface HandlerDeps {
  /** The scanners: the open ones and what is plugged in. */
  scanners: ScannerControl;
  /** Tells the scheduler and the renderer that parcels or deadlines may have changed. */
  changed(): void;
  /** The log folder, zipped into "Attach diagnostics"; absent where the process writes no log file. */
  logDir?: string;
  /** The process's updater and login item, where it has them. */
  updates?: UpdatePlatform;
  /** Backups and restore need the app (data folder, restart); absent in handler-only tests. */
  backups?: RestoreControl;
  /** Keeps the display awake while the driver QR shows, where the process can. */
  display?: DisplayControl;
}

/** Binds each contract call to core, feature by feature. Thin on purpose: rules live in core. */
export function coreHandlers(core: CounterCore, info: { version: string; testHooks: boolean }, deps: HandlerDeps): Handlers {
  return {
    ...systemHandlers(core, info),
    ...driverQrHandlers(core),
    ...parcelHandlers(core, deps.changed),
    ...networkHandlers(core, deps.changed),
    ...storeHandlers(core, deps.changed),
    ...inventoryHandlers(core, deps.changed),
    ...hoursHandlers(core, deps.changed),
    ...scannerHandlers(core, deps.scanners),
    ...supportHandlers(core, deps.changed, { appVersion: info.version, logDir: deps.logDir }),
    ...serviceHandlers(core),
    ...updatesHandlers(core, info.version, deps.updates),
    ...staffHandlers(core),
    ...custodyHandlers(core),
    ...backupHandlers(core, deps.backups),
    ...kioskHandlers(core, deps.display),
  };
}

/** When the database could not be opened: the status call says why, every other call refuses. */
export function unavailableHandlers(status: SystemStatus, restore?: RestoreControl['restore']): Handlers {
  const refuse = () => {
    throw new CoreError('DATABASE_UNAVAILABLE', 'The counter data is not available');
  };
  const handlers = Object.fromEntries(CALL_NAMES.map((name) => [name, refuse])) as unknown as Handlers;
  // The one way out of a damaged file: the error screen offers the newest backup that passes its checks.
  return { ...handlers, 'system.status': () => status, ...(restore ? { 'backups.restore': ({ name }) => restore(name) } : {}) };
}
