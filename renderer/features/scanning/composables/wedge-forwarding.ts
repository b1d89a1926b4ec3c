import { api } from '../../../api/api-client';
import { i18n } from '../../../shell/i18n';
import { giveFeedback } from '../../../ui/feedback';

const FAST_MS = 50;
/** A burst is sent when it ends (Enter, Tab, a pause) or fills one call. */
const MAX_KEYS = 128;
/** Fewer fast keys than this before Enter is typing, not a scan. */
const SCAN_MIN_KEYS = 4;

type Key = { key: string; at: number };

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

const endsBurst = (key: string) => key === 'Enter' || key === 'Tab';

/**
 * In a plain browser (the browser host) there is no before-input-event: the
 * page forwards its key-downs to main's wedge detector instead. Keys typed
 * into a field stay there. Only a run of fast printable keys can be a scan:
 * the Enter or Tab that ends such a run is kept from clicking the focused
 * button or moving focus; main decides whether the burst was a scan. Tab and
 * the other non-printing keys never count as part of a run, so a person's
 * quick Tabs always move focus.
 *
 * A burst travels in one call, so it arrives whole or not at all: while the
 * connection is down the transport holds it and sends it once it is back; a
 * burst that was on its way when the connection dropped may or may not have
 * reached main, so the clerk is asked to scan it again rather than left guessing.
 */
export function forwardKeysToWedge(): void {
  if (window.counter) return; // Electron: main sees the keys itself.
  let lastAt = -Infinity;
  let printableRun = 0;
  let burst: Key[] = [];
  let pause: ReturnType<typeof setTimeout> | undefined;

  const send = () => {
    clearTimeout(pause);
    const keys = burst;
    burst = [];
    if (keys.length === 0) return;
    api.call('wedge.keys', { keys }).catch(() => {
      const looksLikeScan = keys.length >= SCAN_MIN_KEYS && endsBurst(keys.at(-1)!.key);
      if (looksLikeScan) giveFeedback('error', () => i18n.global.t('wedge.scanLost'));
    });
  };

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.ctrlKey || event.altKey || event.metaKey || isEditable(event.target)) return;
      const key = event.key;
      if (key.length !== 1 && !endsBurst(key)) return;
      const at = event.timeStamp;
      const fast = at - lastAt <= FAST_MS;
      lastAt = at;
      if (key.length === 1) printableRun = fast ? printableRun + 1 : 1;
      else {
        if (fast && printableRun >= 3) event.preventDefault();
        printableRun = 0;
      }
      burst.push({ key, at });
      clearTimeout(pause);
      if (endsBurst(key) || burst.length >= MAX_KEYS) send();
      else pause = setTimeout(send, FAST_MS * 2);
    },
    { capture: true },
  );
}
