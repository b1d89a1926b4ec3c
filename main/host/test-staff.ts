import type { CounterCore } from '../core/counter-core';

/** The manager `--test-staff` signs in: the project's e2e fixture starts every host this way unless a test opts out. */
export const TEST_MANAGER = { name: 'Test manager', pin: '1234' } as const;

/**
 * Test hooks only: creates the test manager on a fresh data folder (with the
 * idle lock off, since tests move the clock by hours) and signs them in at
 * every start, so specs written before sign-in existed run unchanged.
 */
export async function signInTestManager(core: CounterCore): Promise<void> {
  if (core.staff.needsSetup()) {
    await core.session.setUp(TEST_MANAGER.name, TEST_MANAGER.pin);
    core.session.setIdleLockMinutes(0);
    return;
  }
  const manager = core.staff.list().find((p) => p.name === TEST_MANAGER.name && p.active);
  if (manager) await core.session.signIn(manager.id, TEST_MANAGER.pin);
}
