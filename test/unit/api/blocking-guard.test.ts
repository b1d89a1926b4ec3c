import { describe, expect, it } from 'vitest';
import { blockingGuard } from '../../../main/api/blocking-guard';
import { CALL_NAMES } from '../../../main/api/contract';
import { serviceCalls } from '../../../main/api/service/calls';
import type { BlockingTask } from '../../../main/core/parcels/blocking';
import { testHandlers } from '../../fixtures/handlers';
import { createRouter } from '../../../main/api/router';
import { MINUTE, HOUR, DAY, scanner, useCounter } from '../../fixtures/counter';

const { start } = useCounter();

async function blockedRouter() {
  const started = await start();
  const router = createRouter(testHandlers(started.core), {
    guard: blockingGuard(() => started.core.counter.blocking.current()),
  });
  return { ...started, router };
}

describe('blocking, enforced in main', () => {
  it('refuses everything but the pending intake, the driver QR and reading once the 30 minutes pass', async () => {
    const { core, clock, router } = await blockedRouter();
    const delivery = await router.dispatch('delivery.handOver', { networkId: 'demo-fr' });
    if (!delivery.ok) throw new Error('hand-over failed');
    const deliveryId = (delivery.value as { id: number }).id;
    expect(await router.dispatch('pickup.start', { code: '123456', method: 'keyboard' })).toMatchObject({ ok: true });
    clock.advance(30 * MINUTE);
    const refused = await router.dispatch('pickup.start', { code: '123456', method: 'keyboard' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
    expect(await router.dispatch('training.passDays', { days: 1 })).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
    expect(await router.dispatch('driverQr.show', { networkId: 'demo-it' })).toMatchObject({ ok: true });
    expect(await router.dispatch('counter.status', undefined)).toMatchObject({
      ok: true,
      value: { blocking: { kind: 'intake', deliveryId } },
    });
    // The refused call changed nothing: no pickup attempt was logged for it.
    expect(core.db.prepare('SELECT count(*) AS n FROM pickup_attempts').get()).toEqual({ n: 1 });
    expect(await router.dispatch('delivery.complete', { deliveryId })).toMatchObject({ ok: true });
    expect(await router.dispatch('pickup.start', { code: '123456', method: 'keyboard' })).toMatchObject({ ok: true });
  });

  it('refuses everything but the expired scan 2 hours after the notice', async () => {
    const { core, clock, router } = await blockedRouter();
    const reported = core.counter.parcels.inState(['expected'], 'demo-it').map((p) => p.tracking_id);
    const delivery = core.counter.deliveries.handOver('demo-it', scanner, reported);
    core.counter.deliveries.complete(delivery.id);
    clock.advance(7 * DAY);
    core.counter.expiry.sweep();
    const notice = core.counter.expiry.openNotices()[0]!;
    clock.advance(2 * HOUR);
    expect(await router.dispatch('returns.list', { networkId: 'demo-it' })).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
    expect(await router.dispatch('expired.get', { noticeId: notice.id })).toMatchObject({ ok: true });
    for (const parcel of core.counter.expiry.parcelsOf(notice.id)) {
      await router.dispatch('expired.scan', { noticeId: notice.id, trackingId: parcel.tracking_id, method: 'scanner' });
    }
    expect(await router.dispatch('returns.list', { networkId: 'demo-it' })).toMatchObject({ ok: true });
  });
});

/**
 * Every call of the contract, classified by hand: what it may do while the
 * counter is blocked. A call added to the contract and missing here fails
 * the first test, so nobody adds one without deciding.
 */
type Availability = 'always' | 'intake-task' | 'expired-task' | 'not-while-blocked';
const AVAILABILITY: Record<string, Availability> = {
  'system.status': 'always',
  'settings.get': 'always',
  'settings.setLanguage': 'always',
  'networks.list': 'always',
  'networks.configs': 'not-while-blocked',
  'networks.save': 'not-while-blocked',
  'networks.testConnection': 'not-while-blocked',
  'networks.links': 'always',
  'networks.checkIns': 'always',
  'networks.dismissCheckIn': 'always',
  'store.profile': 'always',
  'store.saveProfile': 'not-while-blocked',
  'driverQr.show': 'always',
  'driverQr.suggestNetwork': 'always',
  'counter.status': 'always',
  'delivery.handOver': 'intake-task',
  'delivery.get': 'intake-task',
  'delivery.scan': 'intake-task',
  'delivery.refuseDamaged': 'intake-task',
  'delivery.postpone': 'intake-task',
  'delivery.complete': 'intake-task',
  'delivery.suggest': 'intake-task',
  'pickup.start': 'not-while-blocked',
  'pickup.get': 'not-while-blocked',
  'pickup.scan': 'not-while-blocked',
  'pickup.resolve': 'not-while-blocked',
  'pickup.complete': 'not-while-blocked',
  // Like the scan it undoes: the blocked screen replaces the pickup, and a window that closes meanwhile hands over.
  'pickup.undoFinish': 'not-while-blocked',
  'pickup.suggest': 'not-while-blocked',
  'pickups.liftCodeLock': 'not-while-blocked',
  'expired.get': 'expired-task',
  'expired.scan': 'expired-task',
  'expired.cannotFind': 'expired-task',
  'returns.list': 'not-while-blocked',
  'returns.handOver': 'not-while-blocked',
  'parcels.locate': 'always',
  'slots.list': 'not-while-blocked',
  'slots.configure': 'not-while-blocked',
  'training.driverArrives': 'not-while-blocked',
  'training.customerArrives': 'not-while-blocked',
  'training.passDays': 'not-while-blocked',
  'scanners.list': 'not-while-blocked',
  'scanners.available': 'not-while-blocked',
  'scanners.add': 'not-while-blocked',
  'scanners.remove': 'not-while-blocked',
  // Read at start-up for the scan tones: a blocked counter must still start.
  'scanners.preferences': 'always',
  'scanners.setPreferences': 'not-while-blocked',
  'wedge.keys': 'not-while-blocked',
  'inventory.customers': 'not-while-blocked',
  'inventory.customer': 'not-while-blocked',
  'inventory.exportCsv': 'not-while-blocked',
  'inventory.sync': 'not-while-blocked',
  'hours.get': 'not-while-blocked',
  'hours.save': 'not-while-blocked',
  'hours.today': 'not-while-blocked',
  'hours.markReviewed': 'not-while-blocked',
  'help.requestCallback': 'always',
  'help.callbacks': 'always',
  'support.config': 'always',
  'support.setOfficeHours': 'always',
  'support.addCollaborator': 'always',
  'support.removeCollaborator': 'always',
  'support.open': 'always',
  'support.list': 'always',
  'support.get': 'always',
  'support.reply': 'always',
  'support.edit': 'always',
  'support.close': 'always',
  'support.exportCsv': 'always',
  'support.attachment': 'always',
  'support.attachDiagnostics': 'always',
  // Reading the update status and closing the release notes change nothing; a manager's choices wait like any setting.
  'updates.status': 'always',
  'updates.releaseNotesSeen': 'always',
  'updates.setChannel': 'not-while-blocked',
  'updates.restartNow': 'not-while-blocked',
  'updates.later': 'not-while-blocked',
  'updates.setOpenAtLogin': 'not-while-blocked',
  // Signing in, switching and locking: whoever must do the overdue task has to be able to sign in first.
  'session.current': 'always',
  'session.setUp': 'always',
  'session.signIn': 'always',
  'session.lock': 'always',
  'session.touch': 'always',
  'staff.signInList': 'always',
  'staff.list': 'not-while-blocked',
  'staff.add': 'not-while-blocked',
  'staff.resetPin': 'not-while-blocked',
  'staff.setRole': 'not-while-blocked',
  'staff.setActive': 'not-while-blocked',
  'staff.setIdleLock': 'not-while-blocked',
  // The red notice of a broken chain and a hand-over's receipt number are state to read.
  'custody.alert': 'always',
  'custody.receipt': 'always',
  'custody.verify': 'not-while-blocked',
  'custody.acknowledge': 'not-while-blocked',
  'custody.exportCsv': 'not-while-blocked',
  'backups.list': 'not-while-blocked',
  'backups.create': 'not-while-blocked',
  'backups.setFolder': 'not-while-blocked',
  'backups.restore': 'not-while-blocked',
  'kiosk.state': 'always',
  'kiosk.leave': 'always',
  'display.keepAwake': 'always',
  'kiosk.setEnabled': 'not-while-blocked',
  'kiosk.setTouchScreen': 'not-while-blocked',
  // The service desk waits while the counter is blocked, like every other work that is not the pending task.
  ...Object.fromEntries(Object.keys(serviceCalls).map((name) => [name, 'not-while-blocked' as const])),
};

const TASKS: Record<'intake' | 'expired-scan', BlockingTask> = {
  intake: { kind: 'intake', deliveryId: 1, networkId: 'demo-it', deadlineAt: 0 },
  'expired-scan': { kind: 'expired-scan', noticeId: 1, networkId: 'demo-it', deadlineAt: 0 },
};
const ALLOWED_DURING: Record<keyof typeof TASKS, readonly Availability[]> = {
  intake: ['always', 'intake-task'],
  'expired-scan': ['always', 'expired-task'],
};

describe('the blocking guard, call by call', () => {
  it('has every call of the contract classified, and nothing else', () => {
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(AVAILABILITY).sort());
  });

  it.each(Object.keys(TASKS) as (keyof typeof TASKS)[])('lets through exactly the table’s calls while a %s task is overdue', (kind) => {
    const guard = blockingGuard(() => TASKS[kind]);
    const allowed = CALL_NAMES.filter((name) => guard(name) === undefined).sort();
    const expected = CALL_NAMES.filter((name) => ALLOWED_DURING[kind].includes(AVAILABILITY[name]!)).sort();
    expect(allowed).toEqual(expected);
    for (const name of CALL_NAMES.filter((n) => !expected.includes(n))) expect(guard(name), name).toMatchObject({ code: 'BLOCKED' });
  });

  it('names the overdue task and its deadline in the refusal, for the developer who reads it in a log', () => {
    const deadlineAt = Date.UTC(2026, 10, 24, 9, 30);
    const intake = blockingGuard(() => ({ ...TASKS.intake, deadlineAt }))('pickup.start');
    const expired = blockingGuard(() => ({ ...TASKS['expired-scan'], deadlineAt }))('pickup.start');
    expect(intake?.message).toContain('intake');
    expect(expired?.message).toContain('expired-scan');
    for (const refusal of [intake, expired]) expect(refusal?.message).toContain('2026-11-24T09:30:00.000Z');
  });

  it('lets every call through when nothing is overdue', () => {
    const guard = blockingGuard(() => undefined);
    expect(CALL_NAMES.filter((name) => guard(name) !== undefined)).toEqual([]);
  });
});
