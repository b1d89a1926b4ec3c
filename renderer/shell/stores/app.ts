import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Language, SystemStatus } from '../../../main/api/schemas';
import { api } from '../../api/api-client';
import { loadScannerPreferences } from '../../features/scanning/composables/scanner-preferences';
import { applyLanguage, applyStoreRegion, preferredLanguage } from '../i18n';

/** The app's state as main reports it (ready or not, the store id) and the staff's language choice. */
export const useAppStore = defineStore('app', () => {
  const status = ref<SystemStatus>();
  /** Why the first calls failed: translated on screen from its code, never shown as main's English message. */
  const loadError = ref<unknown>();
  const language = ref<Language>(preferredLanguage(navigator.languages));

  const ready = computed(() => status.value?.state === 'ready');

  async function load(): Promise<void> {
    try {
      status.value = await api.call('system.status');
      if (status.value.state !== 'ready') return;
      const [settings, store] = await Promise.all([api.call('settings.get'), api.call('store.profile').catch(() => undefined)]);
      // Without the store's data the screens still work, with dates in this PC's time zone.
      if (store) applyStoreRegion(store);
      language.value = settings.language ?? preferredLanguage(navigator.languages);
      await applyLanguage(language.value);
    } catch (error) {
      loadError.value = error ?? new Error('load failed');
      return;
    }
    // Only the feedback volume depends on them: without them the counter still starts, with the default volume.
    await loadScannerPreferences().catch(() => undefined);
  }

  /** Switches at once and is remembered by main for the next start. */
  async function setLanguage(next: Language): Promise<void> {
    await applyLanguage(next);
    language.value = next;
    await api.call('settings.setLanguage', { language: next });
  }

  return { status, loadError, language, ready, load, setLanguage };
});
