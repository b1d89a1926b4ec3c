import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { signInThenGoHome } from '../../../../renderer/features/staff/sign-in-navigation';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const Screen = { render: () => null };

/** A router like the app's: the settings screen is loaded lazily, so going there takes a while. */
async function routerOnSignIn() {
  const settingsChunk = deferred<typeof Screen>();
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Screen },
      { path: '/sign-in', name: 'sign-in', component: Screen },
      { path: '/settings', name: 'settings', component: () => settingsChunk.promise },
    ],
  });
  await router.push('/sign-in');
  return { router, settingsChunk };
}

describe('after signing in', () => {
  it('goes home from the sign-in screen', async () => {
    const { router } = await routerOnSignIn();
    await signInThenGoHome(router, () => Promise.resolve({ outcome: 'signed-in' }));
    await router.isReady();
    await new Promise((r) => setTimeout(r, 0));
    expect(router.currentRoute.value.name).toBe('home');
  });

  it('stays where staff went while main was answering (the screen may show the new person before the answer)', async () => {
    const { router, settingsChunk } = await routerOnSignIn();
    const answer = deferred<{ outcome: string }>();
    const signingIn = signInThenGoHome(router, () => answer.promise);
    const toSettings = router.push('/settings');
    await new Promise((r) => setTimeout(r, 0));
    answer.resolve({ outcome: 'signed-in' });
    await signingIn;
    settingsChunk.resolve(Screen);
    await toSettings;
    await new Promise((r) => setTimeout(r, 0));
    expect(router.currentRoute.value.name).toBe('settings');
  });

  it('stays on the sign-in screen after a wrong PIN', async () => {
    const { router } = await routerOnSignIn();
    await signInThenGoHome(router, () => Promise.resolve({ outcome: 'wrong' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(router.currentRoute.value.name).toBe('sign-in');
  });
});
