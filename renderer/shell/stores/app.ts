import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Language, SystemStatus } from '../../../main/api/schemas';
import { counter } from '../../api/counter';
import { loadScannerPreferences } from '../../features/scanning/composables/scanner-preferences';
import { applyLanguage, i18n, preferredLanguage } from '../i18n';

/** The app's state as main reports it (ready or not, the store id) and the staff's language choice. */
export const useAppStore = defineStore('app', () => {
  const status = ref<SystemStatus>();
  const loadError = ref<string>();
  const language = ref<Language>(i18n.global.locale.value as Language);

  const ready = computed(() => status.value?.state === 'ready');

  async function load(): Promise<void> {
    try {
      status.value = await counter.call('system.status');
      if (status.value.state !== 'ready') return;
      const settings = await counter.call('settings.get');
      language.value = settings.language ?? preferredLanguage(navigator.languages);
      await applyLanguage(language.value);
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
      return;
    }
    // Only the feedback volume depends on them: without them the counter still starts, with the default volume.
    await loadScannerPreferences().catch(() => undefined);
  }

  /** Switches at once and is remembered by main for the next start. */
  async function setLanguage(next: Language): Promise<void> {
    await applyLanguage(next);
    language.value = next;
    await counter.call('settings.setLanguage', { language: next });
  }

  return { status, loadError, language, ready, load, setLanguage };
});
