import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Language, SystemStatus } from '../../main/api/schemas';
import { counter } from '../api/counter';
import { loadScannerPreferences } from '../composables/scanner-preferences';
import { applyLanguage, applyStoreRegion, preferredLanguage } from '../i18n';

/** The app's state as main reports it (ready or not, the store id) and the staff's language choice. */
export const useAppStore = defineStore('app', () => {
  const status = ref<SystemStatus>();
  const loadError = ref<string>();
  const language = ref<Language>(preferredLanguage(navigator.languages));

  const ready = computed(() => status.value?.state === 'ready');

  async function load(): Promise<void> {
    try {
      status.value = await counter.call('system.status');
      if (status.value.state !== 'ready') return;
      const [settings, store] = await Promise.all([counter.call('settings.get'), counter.call('store.profile')]);
      applyStoreRegion(store);
      language.value = settings.language ?? preferredLanguage(navigator.languages);
      applyLanguage(language.value);
      await loadScannerPreferences();
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
    }
  }

  /** Switches at once and is remembered by main for the next start. */
  async function setLanguage(next: Language): Promise<void> {
    applyLanguage(next);
    language.value = next;
    await counter.call('settings.setLanguage', { language: next });
  }

  return { status, loadError, language, ready, load, setLanguage };
});
