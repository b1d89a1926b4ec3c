import { CoreError } from '../core/errors';
import type { CounterCore } from '../core/counter-core';
import type { Handlers } from './router';
import type { Language, SystemStatus } from './schemas';

const LANGUAGE_KEY = 'ui.language';

/** Binds each contract call to core. Thin on purpose: rules live in core. */
export function coreHandlers(core: CounterCore, info: { version: string; testHooks: boolean }): Handlers {
  const uiSettings = () => ({ language: (core.settings.get(LANGUAGE_KEY) as Language | undefined) ?? null });
  return {
    'system.status': () => ({ state: 'ready', storeId: core.storeId, version: info.version, testHooks: info.testHooks }),
    'settings.get': uiSettings,
    'settings.setLanguage': ({ language }) => {
      core.settings.set(LANGUAGE_KEY, language);
      return uiSettings();
    },
    'networks.list': () =>
      core.networks.list().map((n) => ({
        id: n.id,
        name: n.name,
        enabled: n.enabled,
        deliveryScannedBy: n.policy.deliveryScannedBy,
        retentionDays: n.policy.retentionDays,
      })),
    'driverQr.show': ({ networkId }) => core.driverQr.current(networkId),
  };
}

/** When the database could not be opened: the status call says why, every other call refuses. */
export function unavailableHandlers(status: SystemStatus): Handlers {
  const refuse = () => {
    throw new CoreError('DATABASE_UNAVAILABLE', 'The counter database is not available');
  };
  return {
    'system.status': () => status,
    'settings.get': refuse,
    'settings.setLanguage': refuse,
    'networks.list': refuse,
    'driverQr.show': refuse,
  };
}
