import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { KioskStateView } from '../../../../main/api/kiosk/schemas';
import { api } from '../../../api/api-client';

/** Whether the counter is in kiosk mode, as main says (the flag, the manager's setting, a manager's PIN to leave). */
export const useKioskStore = defineStore('kiosk', () => {
  const state = ref<KioskStateView>();

  async function load(): Promise<void> {
    state.value = await api.call('kiosk.state');
  }

  async function setEnabled(enabled: boolean): Promise<void> {
    state.value = await api.call('kiosk.setEnabled', { enabled });
  }

  async function setTouchScreen(enabled: boolean): Promise<void> {
    state.value = await api.call('kiosk.setTouchScreen', { enabled });
  }

  api.on('kiosk.changed', (next) => (state.value = next));

  return { state, load, setEnabled, setTouchScreen };
});
