import { onUnmounted, ref, watch, type Ref } from 'vue';
import { api } from '../api/api-client';
import { useReportError } from './report-error';

/**
 * One record a workflow screen shows (a delivery, an expiry notice), read
 * from main when its id changes and re-read quietly whenever main says
 * parcels or deadlines moved. `reset` clears the screen's own UI state for a
 * new id.
 */
export function useLiveRecord<T>(id: Ref<number>, read: (id: number) => Promise<T>, reset: () => void = () => {}) {
  const report = useReportError();
  const record = ref<T>() as Ref<T | undefined>;
  const loadFailed = ref(false);

  async function load(quiet = false): Promise<void> {
    try {
      record.value = await read(id.value);
      loadFailed.value = false;
    } catch (error) {
      if (quiet) return;
      loadFailed.value = record.value === undefined;
      report(error);
    }
  }

  watch(
    id,
    () => {
      record.value = undefined;
      reset();
      void load();
    },
    { immediate: true },
  );
  onUnmounted(api.on('counter.changed', () => void load(true)));

  return { record, loadFailed, load, report };
}
