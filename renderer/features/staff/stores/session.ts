import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SessionView, SignInResult } from '../../../../main/api/staff/schemas';
import { api } from '../../../api/api-client';

/** How often at most the renderer tells main someone is at the counter. */
const TOUCH_EVERY_MS = 15_000;

/**
 * Who is signed in, as main says: main keeps the session, the idle lock and
 * the roles; this store only mirrors them and reports that someone touched
 * the screen or pressed a key.
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionView>();
  const person = computed(() => session.value?.person ?? null);
  const isManager = computed(() => person.value?.role === 'manager');
  let lastTouch = 0;

  async function load(): Promise<void> {
    session.value = await api.call('session.current');
  }

  async function setUp(name: string, pin: string): Promise<void> {
    session.value = await api.call('session.setUp', { name, pin });
  }

  async function signIn(staffId: string, pin: string): Promise<SignInResult> {
    const result = await api.call('session.signIn', { staffId, pin });
    if (result.outcome === 'signed-in') session.value = result.session;
    return result;
  }

  async function lock(): Promise<void> {
    session.value = await api.call('session.lock');
  }

  function activity(): void {
    if (!person.value || Date.now() - lastTouch < TOUCH_EVERY_MS) return;
    lastTouch = Date.now();
    void api.call('session.touch').catch(() => {});
  }

  api.on('session.changed', (next) => (session.value = next));
  window.addEventListener('pointerdown', activity, { capture: true, passive: true });
  window.addEventListener('keydown', activity, { capture: true, passive: true });

  return { session, person, isManager, load, setUp, signIn, lock };
});
