import { describe, expect, it } from 'vitest';
import { ExpirySweepError } from '../../../../main/core/parcels/expiry';
import { DAY, expireOnShelf, HOUR, MINUTE, receiveAll, scanner, storeUnraisablePolicy, useCounter } from '../../../fixtures/counter';

const { start, restart } = useCounter();

describe('expiry at the retention boundary', () => {
  it.each([
    ['demo-it', 7],
    ['demo-fr', 14],
  ])('%s: a parcel expires at exactly %i days after intake, not a millisecond before', async (networkId, days) => {
    const { core, clock } = await start();
    const [parcel] = receiveAll(core, networkId);
    expect(parcel!.expires_at).toBe(parcel!.received_at! + days * DAY);
    clock.set(parcel!.expires_at! - 1);
    expect(core.counter.expiry.sweep()).toBe(0);
    expect(core.counter.parcels.byId(parcel!.id).state).toBe('received');
    clock.set(parcel!.expires_at!);
    expect(core.counter.expiry.sweep()).toBeGreaterThan(0);
    expect(core.counter.parcels.byId(parcel!.id).state).toBe('expired');
    expect(core.counter.expiry.openNotices()).toEqual([
      expect.objectContaining({ network_id: networkId, raised_at: clock.now(), scan_deadline_at: clock.now() + 2 * HOUR }),
    ]);
  });
});

describe('expiry of one network never waits for another', () => {
  it("a network whose stored policy cannot be read does not stop the other networks' parcels expiring", async () => {
    const { core, clock } = await start();
    const italian = receiveAll(core, 'demo-it');
    const french = receiveAll(core, 'demo-fr');
    // Stored by a version that took any number: this network's notice cannot be raised.
    storeUnraisablePolicy(core, 'demo-it');
    clock.advance(14 * DAY);
    expect(() => core.counter.expiry.sweep()).toThrow(ExpirySweepError);
    expect(french.map((p) => core.counter.parcels.byId(p.id).state)).toEqual(french.map(() => 'expired'));
    expect(italian.map((p) => core.counter.parcels.byId(p.id).state)).toEqual(italian.map(() => 'received'));
    expect(core.counter.expiry.openNotices().map((n) => n.network_id)).toEqual(['demo-fr']);
  });
});

describe('expired-parcel scan', () => {
  async function expiredSetup() {
    const started = await start();
    return { ...started, ...expireOnShelf(started.core, started.clock) };
  }

  it('blocks the counter 2 hours after the notice, and unblocks when every parcel is scanned or missing', async () => {
    const { core, clock, parcels, notice } = await expiredSetup();
    const { expiry, blocking } = core.counter;
    clock.advance(2 * HOUR - 1);
    expect(blocking.current()).toBeUndefined();
    clock.advance(1);
    expect(blocking.current()).toEqual({
      kind: 'expired-scan',
      noticeId: notice.id,
      networkId: 'demo-fr',
      deadlineAt: notice.scan_deadline_at,
    });
    const [lost, ...rest] = parcels;
    for (const p of rest) expect(expiry.scan(notice.id, p.tracking_id, scanner).outcome).toBe('scanned');
    expect(blocking.current()?.kind).toBe('expired-scan');
    expect(expiry.cannotFind(notice.id, lost!.id, { actorId: 'counter', method: 'manual' }).state).toBe('missing');
    expect(blocking.current()).toBeUndefined();
    expect(expiry.notice(notice.id).completed_at).toBe(clock.now());
    expect(core.counter.ledger.history(lost!.id).at(-1)).toMatchObject({
      toState: 'missing',
      reason: 'not-found-at-expired-scan',
      method: 'manual',
    });
  });

  it('rejects a parcel that has not expired', async () => {
    const { core, notice } = await expiredSetup();
    const fresh = core.counter.parcels.inState(['expected'], 'demo-fr')[0];
    const result = core.counter.expiry.scan(notice.id, fresh?.tracking_id ?? 'QC0000000000', scanner);
    expect(result.outcome).toBe('rejected');
  });

  it('keeps the 2-hour window across a restart', async () => {
    const { core, clock, dir, notice } = await expiredSetup();
    clock.advance(HOUR);
    const reopened = restart(core, dir, clock);
    expect(reopened.counter.blocking.current()).toBeUndefined();
    clock.advance(HOUR);
    expect(reopened.counter.blocking.current()).toMatchObject({ kind: 'expired-scan', noticeId: notice.id });
  });

  it('expires parcels whose retention ended while the app was closed, as soon as it starts', async () => {
    const { core, clock, dir } = await start();
    const [parcel] = receiveAll(core, 'demo-it');
    clock.advance(10 * DAY);
    const reopened = restart(core, dir, clock);
    expect(reopened.counter.expiry.nextExpiryAt()).toBeLessThanOrEqual(clock.now());
    reopened.counter.expiry.sweep();
    expect(reopened.counter.parcels.byId(parcel!.id).state).toBe('expired');
  });
});

describe('driver pickup of returns', () => {
  it('hands scanned-for-return and refused parcels to the driver; they leave custody', async () => {
    const { core, clock } = await start();
    const parcels = receiveAll(core, 'demo-fr');
    clock.advance(14 * DAY);
    core.counter.expiry.sweep();
    const notice = core.counter.expiry.openNotices()[0]!;
    for (const p of parcels) core.counter.expiry.scan(notice.id, p.tracking_id, scanner);
    const waiting = core.counter.returns.waiting('demo-fr');
    expect(waiting).toHaveLength(parcels.length);
    const returned = core.counter.returns.handOver(
      'demo-fr',
      waiting.map((p, i) => ({ parcelId: p.id, scanned: i === 0 })),
      { actorId: 'counter', method: 'manual' },
    );
    expect(returned.every((p) => p.state === 'returned' && p.slot_id === null)).toBe(true);
    expect(core.counter.parcels.countInCustody('demo-fr')).toBe(0);
    expect(core.counter.ledger.history(returned[0]!.id).at(-1)).toMatchObject({ method: 'scanner', toState: 'returned' });
    expect(core.counter.ledger.history(returned[1]!.id).at(-1)).toMatchObject({ method: 'manual' });
  });

  it('prompts to contact support when returns wait more than 3 days', async () => {
    const { core, clock } = await start();
    const parcels = receiveAll(core, 'demo-it');
    clock.advance(7 * DAY);
    core.counter.expiry.sweep();
    const notice = core.counter.expiry.openNotices()[0]!;
    for (const p of parcels) core.counter.expiry.scan(notice.id, p.tracking_id, scanner);
    expect(core.counter.returns.nextEscalationAt()).toBe(clock.now() + 3 * DAY);
    clock.advance(3 * DAY - MINUTE);
    expect(core.counter.returns.overdue()).toEqual([]);
    clock.advance(MINUTE);
    expect(core.counter.returns.overdue()).toEqual([{ networkId: 'demo-it', count: parcels.length, oldestReadyAt: clock.now() - 3 * DAY }]);
  });

  it('refuses to hand over another network’s parcel, and then hands over none of the list', async () => {
    const { core, clock } = await start();
    const [own] = receiveAll(core, 'demo-fr');
    const [parcel] = receiveAll(core, 'demo-it');
    clock.advance(14 * DAY);
    core.counter.expiry.sweep();
    const notice = core.counter.expiry.openNotices().find((n) => n.network_id === 'demo-fr')!;
    core.counter.expiry.scan(notice.id, own!.tracking_id, scanner);
    let refusal: unknown;
    try {
      core.counter.returns.handOver(
        'demo-fr',
        [
          { parcelId: own!.id, scanned: true },
          { parcelId: parcel!.id, scanned: false },
        ],
        scanner,
      );
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toMatchObject({ code: 'CONFLICT', reason: 'otherNetwork', params: { trackingId: parcel!.tracking_id } });
    expect(core.counter.parcels.byId(own!.id).state).toBe('return_scanned');
    // With only its own parcels it goes, and the custody log says to whom.
    core.counter.returns.handOver('demo-fr', [{ parcelId: own!.id, scanned: true }], scanner);
    expect(core.counter.ledger.history(own!.id).at(-1)).toMatchObject({ toState: 'returned', reason: 'handed-to-driver' });
  });

  it('refuses an empty hand-over as a field to fill', async () => {
    const { core } = await start();
    expect(() => core.counter.returns.handOver('demo-fr', [], scanner)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', issues: [{ field: 'items', reason: 'chooseParcel' }] }),
    );
  });

  it('wakes for the earliest escalation of all networks', async () => {
    const { core, clock } = await start();
    expect(core.counter.returns.nextEscalationAt()).toBeUndefined();
    const fr = receiveAll(core, 'demo-fr');
    const it = receiveAll(core, 'demo-it');
    clock.advance(7 * DAY);
    core.counter.expiry.sweep();
    const itNotice = core.counter.expiry.openNotices().find((n) => n.network_id === 'demo-it')!;
    core.counter.expiry.scan(itNotice.id, it[0]!.tracking_id, scanner);
    const itEscalates = clock.now() + 3 * DAY;
    clock.advance(7 * DAY);
    core.counter.expiry.sweep();
    const frNotice = core.counter.expiry.openNotices().find((n) => n.network_id === 'demo-fr')!;
    core.counter.expiry.scan(frNotice.id, fr[0]!.tracking_id, scanner);
    clock.set(itEscalates - 2 * DAY);
    expect(core.counter.returns.nextEscalationAt()).toBe(itEscalates);
  });
});
