import type { Router } from 'vue-router';

/**
 * Signs in and, when that worked and staff are still on the sign-in screen, goes home. Main pushes the new
 * session before it answers the call, so the screen can already show the person and staff (or a test) can
 * already be on their way to another screen: a navigation that started while main answered is where they
 * meant to go, and the sign-in does not take them away from it.
 */
export async function signInThenGoHome<T extends { outcome: string }>(router: Router, signIn: () => Promise<T>): Promise<T> {
  let movedOn = false;
  const stopWatching = router.beforeEach(() => {
    movedOn = true;
  });
  let result: T;
  try {
    result = await signIn();
  } finally {
    stopWatching();
  }
  if (result.outcome === 'signed-in' && !movedOn && router.currentRoute.value.name === 'sign-in') void router.push({ name: 'home' });
  return result;
}
