import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, calls, type CallName } from '../../../main/api/contract';
import { coreHandlers } from '../../../main/api/handlers';
import { createRouter, type Handlers } from '../../../main/api/router';
import type { CounterCore } from '../../../main/core/counter-core';
import { CoreError } from '../../../main/core/errors';
import { openTestCore } from '../../fixtures/core';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function setup() {
  const { core } = openTestCore(tempDir());
  opened.push(core);
  const router = createRouter(coreHandlers(core, { version: '0.0.0-test', testHooks: false }));
  return { core, router };
}

/** Every row of every table: what "changes nothing" is checked against. */
function snapshot(db: Database): Record<string, unknown[]> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

const notAnObject = [42, 'text', null, [], true];
/**
 * Malformed inputs per call. A new call in the contract fails the first test
 * below until it is listed here, so no call goes without this check.
 */
const malformed: Record<CallName, unknown[]> = {
  'system.status': [42, 'x', {}, null, []],
  'settings.get': [42, 'x', { language: 'it' }, null],
  'settings.setLanguage': [
    undefined,
    ...notAnObject,
    {},
    { language: 'de' },
    { language: 'IT' },
    { language: 1 },
    { language: 'it', extra: true },
    { language: 'it; DROP TABLE settings' },
  ],
  'networks.list': [42, 'x', {}, null],
  'driverQr.show': [
    undefined,
    ...notAnObject,
    {},
    { networkId: '' },
    { networkId: 'demo-it', extra: 1 },
    { networkId: '../../etc/passwd' },
    { networkId: 'x'.repeat(65) },
    { networkId: 7 },
  ],
};

const valid: Record<CallName, unknown> = {
  'system.status': undefined,
  'settings.get': undefined,
  'settings.setLanguage': { language: 'fr' },
  'networks.list': undefined,
  'driverQr.show': { networkId: 'demo-it' },
};

describe('router input validation', () => {
  it('has malformed-input cases for every call in the contract', () => {
    expect(Object.keys(malformed).sort()).toEqual([...CALL_NAMES].sort());
  });

  it.each(CALL_NAMES)('%s: rejects each malformed input with BAD_INPUT and changes nothing', async (name) => {
    const { core, router } = setup();
    const before = snapshot(core.db);
    for (const input of malformed[name]) {
      expect(calls[name].input.safeParse(input).success, `case ${JSON.stringify(input)} must be invalid`).toBe(false);
      const answer = await router.dispatch(name, input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (!answer.ok) expect(answer.error.message.length).toBeGreaterThan(0);
    }
    expect(snapshot(core.db)).toEqual(before);
  });

  it.each(CALL_NAMES)('%s: accepts a well-formed input', async (name) => {
    const { router } = setup();
    expect(await router.dispatch(name, valid[name])).toMatchObject({ ok: true });
  });

  it('refuses unknown and inherited call names', async () => {
    const { core, router } = setup();
    const before = snapshot(core.db);
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 42, null, undefined]) {
      expect(await router.dispatch(name, undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }
    expect(snapshot(core.db)).toEqual(before);
  });
});

describe('router errors and outputs', () => {
  const base = (): Handlers => {
    const { core } = setup();
    return coreHandlers(core, { version: 'x', testHooks: false });
  };

  it("passes a core error's code through and hides an unexpected error's details", async () => {
    const handlers = base();
    const notFound = createRouter({ ...handlers, 'networks.list': () => { throw new CoreError('NOT_FOUND', 'gone'); } });
    expect(await notFound.dispatch('networks.list', undefined)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    const logged: string[] = [];
    const crashing = createRouter(
      { ...handlers, 'networks.list': () => { throw new Error('SQLITE secret path /home/x'); } },
      { log: (m) => logged.push(m) },
    );
    const answer = await crashing.dispatch('networks.list', undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('secret');
    expect(logged).toContain('call networks.list failed');
  });

  it('an unknown network is NOT_FOUND', async () => {
    const { router } = setup();
    expect(await router.dispatch('driverQr.show', { networkId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('strips fields the contract does not name, so a secret cannot leak by accident', async () => {
    const handlers = base();
    const leaky = createRouter({
      ...handlers,
      'networks.list': () => [
        { id: 'n1', name: 'N', enabled: true, deliveryScannedBy: 'store', retentionDays: 7, secret: 'do-not-send' } as never,
      ],
    });
    const answer = await leaky.dispatch('networks.list', undefined);
    expect(JSON.stringify(answer)).not.toContain('do-not-send');
  });

  it('lets a guard refuse a call before it runs', async () => {
    const { core } = setup();
    const router = createRouter(coreHandlers(core, { version: 'x', testHooks: false }), {
      guard: (name) => (name === 'settings.setLanguage' ? { code: 'BLOCKED', message: 'Finish the intake first' } : undefined),
    });
    expect(await router.dispatch('settings.setLanguage', { language: 'it' })).toEqual({
      ok: false,
      error: { code: 'BLOCKED', message: 'Finish the intake first' },
    });
    expect(core.settings.get('ui.language')).toBeUndefined();
    expect(await router.dispatch('networks.list', undefined)).toMatchObject({ ok: true });
  });

  it('remembers the language across a restart', async () => {
    const dir = tempDir();
    const first = openTestCore(dir);
    await createRouter(coreHandlers(first.core, { version: 'x', testHooks: false })).dispatch('settings.setLanguage', { language: 'it' });
    first.core.close();
    const second = openTestCore(dir);
    opened.push(second.core);
    expect(await createRouter(coreHandlers(second.core, { version: 'x', testHooks: false })).dispatch('settings.get', undefined)).toEqual({
      ok: true,
      value: { language: 'it' },
    });
  });
});
