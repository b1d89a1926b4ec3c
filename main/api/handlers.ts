import { CoreError } from '../core/errors';
import type { CounterCore } from '../core/counter-core';
import { CALL_NAMES } from './contract';
import type { ScannerHub } from '../scanner-hub';
import { hoursHandlers } from './hours-handlers';
import { inventoryHandlers } from './inventory-handlers';
import { networkHandlers } from './network-handlers';
import { parcelHandlers } from './parcel-handlers';
import { scannerHandlers } from './scanner-handlers';
import { supportHandlers } from './support-handlers';
import { staffHandlers } from './staff-handlers';
import { custodyHandlers } from './custody-handlers';
import { backupHandlers, type RestoreControl } from './backup-handlers';
import type { Handlers } from './router';
import type { Language, SystemStatus } from './schemas';

const LANGUAGE_KEY = 'ui.language';

/** Binds each contract call to core. Thin on purpose: rules live in core. */
export interface HandlerDeps {
  hub: ScannerHub;
  /** Tells the scheduler and the renderer that parcels or deadlines may have changed. */
  changed(): void;
  /** Backups and restore need the app (data folder, restart); absent in handler-only tests. */
  backups?: RestoreControl;
}

export function coreHandlers(core: CounterCore, info: { version: string; testHooks: boolean }, deps: HandlerDeps): Handlers {
  const uiSettings = () => ({ language: (core.settings.get(LANGUAGE_KEY) as Language | undefined) ?? null });
  return {
    'system.status': () => ({ state: 'ready', storeId: core.storeId, version: info.version, testHooks: info.testHooks }),
    'settings.get': uiSettings,
    'settings.setLanguage': ({ language }) => {
      core.settings.set(LANGUAGE_KEY, language);
      return uiSettings();
    },
    'driverQr.show': ({ networkId }) => core.driverQr.current(networkId),
    ...parcelHandlers(core, deps.changed),
    ...networkHandlers(core, deps.changed),
    ...inventoryHandlers(core, deps.changed),
    ...hoursHandlers(core, deps.changed),
    ...scannerHandlers(core, deps.hub),
    ...supportHandlers(core, deps.changed),
    ...staffHandlers(core),
    ...custodyHandlers(core),
    ...backupHandlers(core, deps.backups),
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
