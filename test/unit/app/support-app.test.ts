import { afterEach, describe, expect, it } from 'vitest';
import { blockingGuard } from '../../../main/api/blocking-guard';
import { CALL_NAMES } from '../../../main/api/contract';
import { startCounterApp, type CounterApp } from '../../../main/app/start';
import { SUPPORT_RETRY_MS } from '../../../main/app/background/support-exchange';
import { ManualClock } from '../../../main/core/clock';
import type { NetworkAdapter } from '../../../main/core/networks/network-adapter';
import { DEMO_ANSWER_AFTER_MS, DEMO_TAKE_AFTER_MS } from '../../../main/core/networks/demo-operator';
import { AUTO_CLOSE_AFTER_MS } from '../../../main/core/support/support-desk';
import { TEST_START } from '../../fixtures/core';
import { supportTicket } from '../../fixtures/support-ticket';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const apps: CounterApp[] = [];
afterEach(() => apps.splice(0).forEach((app) => app.close()));

function start(dataDir: string, clock: ManualClock): CounterApp {
  const app = startCounterApp({ dataDir, clock, version: 'x', log: () => {} });
  apps.push(app);
  return app;
}

const ticket = supportTicket();

describe('support through the app scheduler', () => {
  it('queues a case while the network is down, sends it on the retry, and lets the demo operator answer on the clock', async () => {
    const clock = new ManualClock(TEST_START);
    const app = start(tempDir(), clock);
    const core = app.core!;
    const demo = core.adapters.demo!;
    const down: NetworkAdapter = {
      ...demo,
      pullManifest: demo.pullManifest.bind(demo),
      pushEvents: demo.pushEvents.bind(demo),
      pushSupport: async () => Promise.reject(new Error('offline')),
      pullSupport: async () => [],
    };
    core.adapters.demo = down;

    const opened = await app.router.dispatch('support.open', ticket);
    if (!opened.ok) throw new Error(opened.error.message);
    const id = (opened.value as { id: number }).id;
    await app.poke();
    expect(core.support.get(id).sentAt).toBeNull();
    expect(core.support.pending('demo-it')).toBe(1);

    core.adapters.demo = demo;
    await app.poke(); // not yet: the retry waits
    expect(core.support.get(id).sentAt).toBeNull();
    clock.advance(SUPPORT_RETRY_MS);
    await app.poke();
    await expect.poll(() => core.support.get(id).sentAt).not.toBeNull();

    clock.advance(DEMO_TAKE_AFTER_MS);
    await app.poke();
    await expect.poll(() => core.support.get(id).state).toBe('in_progress');
    clock.advance(DEMO_ANSWER_AFTER_MS);
    await app.poke();
    await expect.poll(() => core.support.get(id).state).toBe('answered');
  });

  it('closes an answered case after 7 days even when the app was closed over the deadline', async () => {
    const dir = tempDir();
    const clock = new ManualClock(TEST_START);
    const first = start(dir, clock);
    const c = first.core!.support.open({ ...ticket, product: 'scanner', requestType: 'technical', impact: 'blocked' });
    await first.poke();
    await expect.poll(() => first.core!.support.get(c.id).sentAt).not.toBeNull();
    clock.advance(DEMO_ANSWER_AFTER_MS);
    await first.poke();
    await expect.poll(() => first.core!.support.get(c.id).state).toBe('answered');
    const deadline = first.core!.support.get(c.id).autoCloseAt!;
    expect(deadline).toBe(clock.now() + AUTO_CLOSE_AFTER_MS);
    first.close();
    apps.splice(apps.indexOf(first), 1);

    clock.set(deadline);
    const second = start(dir, clock);
    await expect.poll(() => second.core!.support.get(c.id).state).toBe('closed');
  });

  it('keeps help and support callable while the counter is blocked, and only those besides the pending task', () => {
    const guard = blockingGuard(() => ({ kind: 'intake', deliveryId: 1, networkId: 'demo-it', deadlineAt: TEST_START }));
    const supportCalls = CALL_NAMES.filter((name) => name.startsWith('help.') || name.startsWith('support.'));
    expect(supportCalls.length).toBeGreaterThan(10);
    for (const name of supportCalls) expect(guard(name), name).toBeUndefined();
    expect(guard('pickup.start')).toMatchObject({ code: 'BLOCKED' });
  });
});
