import { AsyncLocalStorage } from 'node:async_hooks';
import { SYSTEM_ACTOR } from './staff-shapes';

export { SYSTEM_ACTOR };

const acting = new AsyncLocalStorage<string>();

/**
 * Who is doing the current write. The router runs each call as the
 * signed-in person, so every row a call writes names them without each
 * core method taking an extra argument; scheduled work runs as the system.
 */
export function actingStaffId(): string {
  return acting.getStore() ?? SYSTEM_ACTOR;
}

export function actAs<T>(staffId: string, work: () => T): T {
  return acting.run(staffId, work);
}

/** Starts work that must not inherit the caller's person (timers, background pushes started by a call). */
export function outsideAnyCall<T>(work: () => T): T {
  return acting.exit(work);
}
