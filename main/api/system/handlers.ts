import type { CounterCore } from '../../core/counter-core';
import type { HandlersOf } from '../call';
import type { Language } from '../schemas';
import type { systemCalls } from './calls';

const LANGUAGE_KEY = 'ui.language';

/** The app's status and the staff's interface settings (the language). */
export function systemHandlers(
  core: Pick<CounterCore, 'settings' | 'storeId'>,
  info: { version: string; testHooks: boolean },
): HandlersOf<typeof systemCalls> {
  const uiSettings = () => ({ language: (core.settings.get(LANGUAGE_KEY) as Language | undefined) ?? null });
  return {
    'system.status': () => ({ state: 'ready', storeId: core.storeId, version: info.version, testHooks: info.testHooks }),
    'settings.get': uiSettings,
    'settings.setLanguage': ({ language }) => {
      core.settings.set(LANGUAGE_KEY, language);
      return uiSettings();
    },
  };
}
