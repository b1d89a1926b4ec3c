import type { CounterCore } from '../../core/counter-core';
import type { HandlersOf } from '../call';
import type { storeCalls } from './calls';

/** The store's own data: name, address, time zone and capabilities, as every network receives them. */
export function storeHandlers(core: Pick<CounterCore, 'store'>, changed: () => void): HandlersOf<typeof storeCalls> {
  return {
    'store.profile': () => core.store.get(),
    'store.saveProfile': (profile) => {
      const saved = core.store.save(profile);
      changed();
      return saved;
    },
  };
}
