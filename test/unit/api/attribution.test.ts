import { afterEach, describe, expect, it } from 'vitest';
import { roleGuard } from '../../../main/api/roles';
import { createRouter } from '../../../main/api/router';
import type { CounterCore } from '../../../main/core/counter-core';
import { demoParcel } from '../../../main/core/networks/demo-network';
import { useCounter } from '../../fixtures/counter';
import { testHandlers } from '../../fixtures/handlers';
import { serviceValidInputs } from './service/valid-inputs';

const counterKit = useCounter();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0));

/** Every table a person writes, and the column that names them. */
const ATTRIBUTED = [
  ['custody_events', 'actor_id'],
  ['pickup_attempts', 'actor_id'],
  ['deliveries', 'opened_by'],
  ['pickups', 'actor_id'],
  ['support_cases', 'opened_by'],
  ['support_messages', 'actor_id'],
  ['support_callbacks', 'actor_id'],
  ['outbox', 'actor_id'],
  ['settings', 'updated_by'],
  ['networks', 'updated_by'],
  ['network_tokens', 'updated_by'],
] as const;

describe('attribution', { timeout: 60_000 }, () => {
  it('every row a signed-in person writes names them: custody, pickup attempts, support, settings, networks, outbox', async () => {
    const { core } = await counterKit.start();
    const router = createRouter(testHandlers(core), { guard: roleGuard(core.session), actor: () => core.session.current()?.id });
    const giulia = await core.session.setUp('Giulia', '2468');
    const call = async (name: string, input?: unknown) => {
      const answer = await router.dispatch(name, input);
      if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
      return answer.value as never;
    };
    const before = Object.fromEntries(
      ATTRIBUTED.map(([table]) => [table, core.db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${table}`).pluck().get() as number]),
    );

    await call('settings.setLanguage', { language: 'it' });
    const delivery: { id: number } = await call('delivery.handOver', { networkId: 'demo-fr' });
    await call('delivery.scan', { deliveryId: delivery.id, trackingId: demoParcel('demo-fr', 0).trackingId, method: 'scanner' });
    await call('pickup.start', { code: '000000', method: 'keyboard' });
    await call('pickup.start', { code: demoParcel('demo-fr', 0).pickupCode, method: 'keyboard' });
    const opened: { id: number } = await call('support.open', {
      networkId: 'demo-it',
      subject: 'Scanner',
      email: 'shop@example.com',
      product: 'scanner',
      requestType: 'technical',
      impact: 'blocked',
      description: 'It does not read',
    });
    await call('support.reply', { caseId: opened.id, body: 'Still broken', attachments: [] });
    await call('help.requestCallback', { phone: '+39 02 1234 5678', country: 'IT' });
    await call('networks.save', {
      name: 'Carrier',
      baseUrl: 'http://127.0.0.1:9/v1',
      token: 'secret-token',
      enabled: true,
      policyOverrides: {},
    });
    await call('hours.save', { week: [[{ opens: '09:00', closes: '12:30' }], [], [], [], [], [], []], exceptions: [] });

    for (const [table, column] of ATTRIBUTED) {
      const written = core.db
        .prepare(`SELECT ${column} AS actor FROM ${table} WHERE rowid > ? OR (${column} IS NOT NULL AND ${column} <> 'counter')`)
        .pluck()
        .all(before[table]) as (string | null)[];
      expect(written.length, `${table} got no row from these calls`).toBeGreaterThan(0);
      expect(new Set(written), table).toEqual(new Set([giulia.id]));
    }
    expect(core.db.prepare("SELECT updated_by FROM settings WHERE key = 'ui.language'").pluck().get()).toBe(giulia.id);
  });

  it('the service desk names who took the order and who moved its allocation', async () => {
    const { core } = await counterKit.start();
    const router = createRouter(testHandlers(core), { guard: roleGuard(core.session), actor: () => core.session.current()?.id });
    const giulia = await core.session.setUp('Giulia', '2468');
    const marco = await core.staff.add('Marco', 'clerk', '1357');
    const call = async (name: keyof typeof serviceValidInputs) => {
      const answer = await router.dispatch(name, serviceValidInputs[name]);
      if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
    };
    await call('service.technicians.save');
    await core.session.signIn(marco.id, '1357');
    await call('service.customers.save');
    await call('service.items.save');
    await call('service.orders.create');
    await call('service.allocate');
    await call('service.lines.setStatus');

    expect(core.db.prepare('SELECT DISTINCT actor FROM service_orders').pluck().all()).toEqual([marco.id]);
    const history = core.db.prepare('SELECT DISTINCT kind, actor FROM service_history ORDER BY kind').all();
    expect(history.length).toBeGreaterThan(2);
    expect(new Set(history.map((row) => (row as { actor: string }).actor))).toEqual(new Set([marco.id]));
    expect(giulia.id).not.toBe(marco.id);
  });

  it('work the app does on its own stays the built-in counter user, even when a call set it off', async () => {
    const { core, clock } = await counterKit.start();
    const router = createRouter(testHandlers(core), { guard: roleGuard(core.session), actor: () => core.session.current()?.id });
    await core.session.setUp('Giulia', '2468');
    await router.dispatch('inventory.sync', undefined);
    clock.advance(30 * 24 * 3600_000);
    core.counter.expiry.sweep();
    const expired = core.db.prepare("SELECT DISTINCT actor_id FROM custody_events WHERE to_state IN ('expected', 'expired')").pluck().all();
    expect(expired).toEqual(['counter']);
  });
});
