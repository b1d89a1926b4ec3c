import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CounterStatus } from '../../../../main/api/parcels/schemas';
import { api } from '../../../api/api-client';
import { ApiCallError } from '../../../../main/api/errors';

/**
 * The counter's deadlines, notices and blocking as main computes them. Main's
 * clock is the only clock: the store keeps the offset to it so countdowns tick
 * locally between pushes and still agree with main.
 */
export const useCounterStatusStore = defineStore('counterStatus', () => {
  const status = ref<CounterStatus>();
  const offsetMs = ref(0);
  const tick = ref(Date.now());

  const now = computed(() => tick.value + offsetMs.value);
  const blocking = computed(() => status.value?.blocking ?? null);

  async function refresh(): Promise<void> {
    let next: CounterStatus;
    try {
      next = await api.call('counter.status');
    } catch (error) {
      // Locked: nobody may read the counter until someone signs in, which refreshes it again.
      if (error instanceof ApiCallError && error.code === 'SIGN_IN_REQUIRED') return;
      throw error;
    }
    offsetMs.value = next.now - Date.now();
    tick.value = Date.now();
    status.value = next;
  }

  api.on('counter.changed', () => void refresh());
  setInterval(() => {
    tick.value = Date.now();
    // A deadline passing is pushed by main; this catches a missed push within a second.
    const due = status.value?.deadlines.some((d) => d.deadlineAt <= now.value && status.value?.blocking === null);
    if (due) void refresh();
  }, 1000);

  return { status, now, blocking, refresh };
});
