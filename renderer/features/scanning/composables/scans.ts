import { onMounted, onUnmounted } from 'vue';
import type { ScanEvent } from '../../../../main/api/schemas';
import { api } from '../../../api/api-client';

type ScanHandler = (scan: ScanEvent) => void;

/** The workflow on screen gets every scan; the last one mounted wins, so a dialog can take scans over. */
const handlers: ScanHandler[] = [];
let fallback: ScanHandler | undefined;

api.on('scanner.scanned', (scan) => {
  const handler = handlers.at(-1) ?? fallback;
  handler?.(scan);
});

/** Receives scans while the calling component is on screen. */
export function useScans(handler: ScanHandler): void {
  onMounted(() => handlers.push(handler));
  onUnmounted(() => {
    const i = handlers.lastIndexOf(handler);
    if (i >= 0) handlers.splice(i, 1);
  });
}

/** What happens to a scan when no workflow is open (set once by the app shell). */
export function setIdleScanHandler(handler: ScanHandler): void {
  fallback = handler;
}
