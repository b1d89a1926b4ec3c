import { describe, expect, it } from 'vitest';
import { blockingGuard } from '../../../main/api/blocking-guard';
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
    expect(await router.dispatch('counter.status', undefined)).toMatchObject({ ok: true, value: { blocking: { kind: 'intake', deliveryId } } });
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
