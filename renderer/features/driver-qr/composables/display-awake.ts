import { onMounted, onUnmounted } from 'vue';
import { api } from '../../../api/api-client';

/**
 * Keeps the display on while the calling screen is mounted. Main says who
 * holds it: Electron's main process does, or (the browser host) this page
 * holds a screen wake lock, which the browser drops whenever the page is
 * hidden, so it is asked for again when the page shows. Leaving the screen,
 * by a tap, a timer or a navigation, lets the display sleep again; a reload
 * drops the page's lock and main's goes with the page.
 */
export function useDisplayAwake(): void {
  let shown = true;
  let lock: WakeLockSentinel | undefined;
  let asking: Promise<void> | undefined;

  const request = async (): Promise<void> => {
    try {
      const granted = await navigator.wakeLock.request('screen');
      if (shown) lock = granted;
      else await granted.release();
    } catch {
      // Refused (a hidden page, a policy, low battery): the display may sleep as it would have.
    }
  };
  const takeLock = (): void => {
    if (!shown || asking || document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
    if (lock && !lock.released) return;
    asking = request().finally(() => (asking = undefined));
  };

  onMounted(async () => {
    const answer = await api.call('display.keepAwake', { awake: true }).catch(() => undefined);
    if (answer?.heldBy !== 'page' || !shown) return;
    document.addEventListener('visibilitychange', takeLock);
    takeLock();
  });

  onUnmounted(() => {
    shown = false;
    document.removeEventListener('visibilitychange', takeLock);
    void lock?.release();
    lock = undefined;
    void api.call('display.keepAwake', { awake: false }).catch(() => {});
  });
}
