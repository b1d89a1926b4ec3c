import { counter } from '../api/counter';

const FAST_MS = 50;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * In a plain browser (the browser host) there is no before-input-event: the
 * page forwards its key-downs to main's wedge detector instead. Keys typed
 * into a field stay there. Only a run of fast printable keys can be a scan:
 * the Enter or Tab that ends such a run is kept from clicking the focused
 * button or moving focus. Tab and the other non-printing keys never count as
 * part of a run, so a person's quick Tabs always move focus.
 */
export function forwardKeysToWedge(): void {
  if (window.counter) return; // Electron: main sees the keys itself.
  let lastAt = -Infinity;
  let printableRun = 0;
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.ctrlKey || event.altKey || event.metaKey || isEditable(event.target)) return;
      const key = event.key;
      const printable = key.length === 1;
      if (!printable && key !== 'Enter' && key !== 'Tab') return;
      const at = event.timeStamp;
      const fast = at - lastAt <= FAST_MS;
      lastAt = at;
      if (printable) printableRun = fast ? printableRun + 1 : 1;
      else {
        if (fast && printableRun >= 3) event.preventDefault();
        printableRun = 0;
      }
      void counter.call('wedge.keys', { keys: [{ key, at }] }).catch(() => {});
    },
    { capture: true },
  );
}
