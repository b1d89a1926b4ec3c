import { onUnmounted } from 'vue';
import { useRouter } from 'vue-router';

const WAIT_MS = 1500;
const STEP_MS = 50;

/**
 * After each move to another screen, focus goes to the new screen's level-one
 * heading, so a screen reader starts there and Tab starts from the top of it.
 * A screen that focused a field of its own (a scanner entry) keeps it; a
 * heading that appears only once the screen's data has loaded is waited for.
 */
export function useFocusHeadingOnRouteChange(): void {
  const router = useRouter();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = router.afterEach((to, from) => {
    if (from.matched.length === 0 || to.fullPath === from.fullPath) return; // the first screen, or the same one
    clearTimeout(timer);
    const started = performance.now();
    const attempt = () => {
      const screen = document.querySelector('main');
      const active = document.activeElement;
      if (screen && active && active !== document.body && screen.contains(active)) return;
      const heading = screen?.querySelector<HTMLElement>('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      } else if (performance.now() - started < WAIT_MS) timer = setTimeout(attempt, STEP_MS);
    };
    timer = setTimeout(attempt, 0);
  });
  onUnmounted(() => {
    stop();
    clearTimeout(timer);
  });
}
