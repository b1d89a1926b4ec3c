import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CallOutput } from '../../../../main/api/contract';
import { api } from '../../../api/api-client';
import { beep } from '../../../ui/feedback';

/**
 * Drivers a network says are at the counter (the last 30 minutes, not
 * dismissed), kept current by main's pushes wherever the staff are: the
 * tone sounds on any screen, the home screen shows who is waiting.
 */
export type DriverCheckIn = CallOutput<'networks.checkIns'>[number];

export const useCheckInsStore = defineStore('checkIns', () => {
  const checkIns = ref<DriverCheckIn[]>([]);

  api.on('networks.driverCheckedIn', (checkIn) => {
    if (!checkIns.value.some((c) => c.id === checkIn.id)) checkIns.value = [checkIn, ...checkIns.value];
    beep('warning');
  });
  // A dismissal from another screen or an old check-in timing out shows without a reload.
  api.on('counter.changed', () => void load());

  async function load(): Promise<void> {
    try {
      checkIns.value = await api.call('networks.checkIns');
    } catch {
      // Refused while the counter is blocked: the banner keeps what it knew.
    }
  }

  async function dismiss(id: number): Promise<void> {
    await api.call('networks.dismissCheckIn', { id });
    checkIns.value = checkIns.value.filter((c) => c.id !== id);
  }

  return { checkIns, load, dismiss };
});
