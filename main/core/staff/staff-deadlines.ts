import type { DeadlineSource } from '../scheduler';
import type { StaffSession } from './staff-session';

/** Locks the counter once nobody touched it for the manager's idle time; a flow with a running deadline holds it off until it ends. */
export function idleLock(session: StaffSession): DeadlineSource {
  return {
    name: 'idle-lock',
    nextAt: () => session.lockDueAt(),
    run: (now) => void session.lockIfIdle(now),
  };
}
