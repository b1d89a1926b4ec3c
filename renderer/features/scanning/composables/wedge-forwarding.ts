import { counter } from '../../../api/counter';

const FAST_MS = 50;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * In a plain browser (the browser host) there is no before-input-event: the
 * page forwards its key-downs to main's wedge detector instead. Keys typed
 * into a field stay there. An Enter that ends a fast burst is kept from
 * clicking the focused button; main decides whether the burst was a scan.
 */
export function forwardKeysToWedge(): void {
  if (window.counter) return; // Electron: main sees the keys itself.
  let lastAt = -Infinity;
  let fastRun = 0;
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.ctrlKey || event.altKey || event.metaKey || isEditable(event.target)) return;
      const key = event.key;
      if (key.length !== 1 && key !== 'Enter' && key !== 'Tab') return;
      const at = event.timeStamp;
      fastRun = at - lastAt <= FAST_MS ? fastRun + 1 : 0;
      lastAt = at;
      if ((key === 'Enter' || key === 'Tab') && fastRun >= 3) event.preventDefault();
      void counter.call('wedge.keys', { keys: [{ key, at }] }).catch(() => {});
    },
    { capture: true },
  );
}
