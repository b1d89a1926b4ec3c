import type { CounterCore } from '../../core/counter-core';
import type { HandlersOf } from '../call';
import type { staffCalls } from './calls';
import type { SessionView } from './schemas';

export function sessionView(core: Pick<CounterCore, 'staff' | 'session'>): SessionView {
  return { setupNeeded: core.staff.needsSetup(), person: core.session.current() ?? null, idleLockMinutes: core.session.idleLockMinutes() };
}

export function staffHandlers(core: Pick<CounterCore, 'staff' | 'session'>): HandlersOf<typeof staffCalls> {
  const { staff, session } = core;
  const rows = () => staff.list().map((person) => ({ ...person, lockedUntil: staff.lockedUntil(person.id) ?? null }));
  return {
    'session.current': () => sessionView(core),
    'session.setUp': async ({ name, pin }) => (await session.setUp(name, pin), sessionView(core)),
    'session.signIn': async ({ staffId, pin }) => {
      const result = await session.signIn(staffId, pin);
      if (result.ok) return { outcome: 'signed-in', session: sessionView(core) };
      return result.reason === 'locked'
        ? { outcome: 'locked', lockedUntil: result.lockedUntil }
        : { outcome: 'wrong-pin', freeLeft: result.freeLeft, lockedUntil: result.lockedUntil };
    },
    'session.lock': () => (session.lock(), sessionView(core)),
    'session.touch': () => (session.touch(), null),
    'staff.signInList': () =>
      staff
        .list()
        .filter((p) => p.active)
        .map(({ id, name }) => ({ id, name })),
    'staff.list': rows,
    'staff.add': async ({ name, role, pin }) => (await staff.add(name, role, pin), rows()),
    'staff.resetPin': async ({ staffId, pin }) => (await staff.resetPin(staffId, pin), rows()),
    'staff.setRole': ({ staffId, role }) => (staff.setRole(staffId, role), rows()),
    'staff.setActive': ({ staffId, active }) => (staff.setActive(staffId, active), rows()),
    'staff.setIdleLock': ({ minutes }) => (session.setIdleLockMinutes(minutes), sessionView(core)),
  };
}
