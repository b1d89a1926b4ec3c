import { ref, type Ref } from 'vue';

/**
 * One action at a time, for a button that calls main: `busy` is true while
 * it runs (bind it to `:disabled`), and a second press meanwhile does nothing.
 */
export function useBusyAction(): { busy: Ref<boolean>; run: <T>(action: () => Promise<T>) => Promise<T | undefined> } {
  const busy = ref(false);
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined;
    busy.value = true;
    try {
      return await action();
    } finally {
      busy.value = false;
    }
  }
  return { busy, run };
}
