import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../../main/api/contract';
import { CALL_ROLES, callsWithoutRole, roleGuard, roleOf } from '../../../main/api/roles';
import { createRouter } from '../../../main/api/router';
import type { CounterCore } from '../../../main/core/counter-core';
import { openTestCore } from '../../fixtures/core';
import { testHandlers } from '../../fixtures/handlers';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function snapshot(db: Database): Record<string, unknown[]> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

async function setup() {
  const { core, clock } = openTestCore(tempDir());
  opened.push(core);
  const router = createRouter(testHandlers(core), { guard: roleGuard(core.session), actor: () => core.session.current()?.id });
  const manager = await core.session.setUp('Giulia', '2468');
  const clerk = await core.staff.add('Marco', 'clerk', '1357');
  return { core, clock, router, manager, clerk };
}

describe('the role table', () => {
  it('names a role for every call in the contract', () => {
    expect(callsWithoutRole()).toEqual([]);
    expect(Object.keys(CALL_ROLES).filter((name) => !CALL_NAMES.includes(name as CallName))).toEqual([]);
  });

  it('lists a call left out, and such a call needs a manager', () => {
    const { 'staff.add': _left, ...partial } = CALL_ROLES;
    expect(callsWithoutRole(partial)).toEqual(['staff.add']);
    expect(roleOf('staff.add')).toBe('manager');
  });

  it('lets a driver and anyone needing help in without signing in', () => {
    expect(roleOf('driverQr.show')).toBe('none');
    expect(roleOf('networks.list')).toBe('none');
    for (const name of CALL_NAMES.filter((n) => n.startsWith('help.'))) expect(roleOf(name), name).toBe('none');
  });

  it('keeps settings, networks and tokens, staff, training and the custody log for managers', () => {
    const managerOnly: CallName[] = [
      'networks.save',
      'networks.configs',
      'networks.testConnection',
      'store.saveProfile',
      'staff.add',
      'staff.resetPin',
      'staff.setActive',
      'training.passDays',
      'slots.configure',
      'scanners.add',
      'hours.save',
      'updates.setOpenAtLogin',
    ];
    for (const name of managerOnly) expect(roleOf(name), name).toBe('manager');
  });
});

describe('the router enforces roles', { timeout: 60_000 }, () => {
  it('refuses every call that needs a person while nobody is signed in, and runs those that need nobody', async () => {
    const { core, router } = await setup();
    core.session.lock();
    expect(await router.dispatch('counter.status', undefined)).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(await router.dispatch('networks.list', undefined)).toMatchObject({ ok: true });
    expect(await router.dispatch('driverQr.show', { networkId: 'demo-it' })).toMatchObject({ ok: true });
  });

  it('refuses each manager call to a clerk with FORBIDDEN and changes nothing, whatever the screen showed', async () => {
    const { core, router, clerk } = await setup();
    expect(await router.dispatch('session.signIn', { staffId: clerk.id, pin: '1357' })).toMatchObject({
      ok: true,
      value: { outcome: 'signed-in' },
    });
    const before = snapshot(core.db);
    const forced: [CallName, unknown][] = [
      ['staff.add', { name: 'Eve', role: 'manager', pin: '0000' }],
      ['networks.save', { name: 'Carrier', baseUrl: 'http://127.0.0.1:9/v1', token: 'tok', enabled: true, policyOverrides: {} }],
      ['training.passDays', { days: 3 }],
      ['staff.setIdleLock', { minutes: 0 }],
      ['networks.configs', undefined],
      ['updates.setOpenAtLogin', { openAtLogin: true }],
    ];
    for (const [name, input] of forced) {
      expect(await router.dispatch(name, input), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(snapshot(core.db)).toEqual(before);
    expect(await router.dispatch('counter.status', undefined)).toMatchObject({ ok: true });
  });

  it('lets a manager through', async () => {
    const { router } = await setup();
    expect(await router.dispatch('staff.list', undefined)).toMatchObject({ ok: true });
  });

  it('locks an idle session at the next call, even before the scheduler noticed', async () => {
    const { clock, router } = await setup();
    clock.advance(10 * 60_000);
    expect(await router.dispatch('counter.status', undefined)).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
  });
});

describe('before the first manager is set up', { timeout: 60_000 }, () => {
  it('runs calls as the built-in counter user, since anyone could become that manager; once set up, roles apply', async () => {
    const { core } = openTestCore(tempDir());
    opened.push(core);
    const router = createRouter(testHandlers(core), { guard: roleGuard(core.session), actor: () => core.session.current()?.id });
    expect(await router.dispatch('counter.status', undefined)).toMatchObject({ ok: true });
    await core.session.setUp('Giulia', '2468');
    core.session.lock();
    expect(await router.dispatch('counter.status', undefined)).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
  });
});
