import { describe, expect, it } from 'vitest';
import { ExpirySweepError } from '../../../../main/core/parcels/expiry';
import { SYSTEM_ACTOR } from '../../../../main/core/parcels/types';
import { DAY, expireOnShelf, receiveAll, scanner, storeUnraisablePolicy, useCounter } from '../../../fixtures/counter';
import { sendingOnce } from '../../../fixtures/manifest-network';

const { start } = useCounter();

/** The French parcels on the shelf, expired 14 days on, and the notice they raised. */
async function expired() {
  const started = await start();
  return { ...started, ...expireOnShelf(started.core, started.clock) };
}

describe('expired parcels in the custody log', () => {
  it("records each expiry as the system ending the retention, on the network's notice", async () => {
    const { core, parcels, notice } = await expired();
    expect(core.counter.expiry.parcelsOf(notice.id).map((p) => p.id)).toEqual(parcels.map((p) => p.id));
    expect(core.counter.ledger.history(parcels[0]!.id).at(-1)).toMatchObject({
      fromState: 'received',
      toState: 'expired',
      actorId: SYSTEM_ACTOR,
      method: 'system',
      reason: 'retention-ended',
    });
  });

  it('records the return scan as such, and the parcel is ready for the driver from then', async () => {
    const { core, clock, parcels, notice } = await expired();
    const result = core.counter.expiry.scan(notice.id, parcels[0]!.tracking_id, scanner);
    expect(result).toMatchObject({ outcome: 'scanned', parcel: { state: 'return_scanned', return_ready_at: clock.now() } });
    expect(core.counter.ledger.history(parcels[0]!.id).at(-1)).toMatchObject({ toState: 'return_scanned', reason: 'expired-scan' });
  });

  it('a parcel not found leaves its shelf slot, which takes the next parcel', async () => {
    const { core, parcels, notice } = await expired();
    const lost = parcels[0]!;
    expect(lost.slot_id).not.toBeNull();
    expect(core.counter.expiry.cannotFind(notice.id, lost.id, scanner)).toMatchObject({ state: 'missing', slot_id: null });
  });
});

describe('what the expired-parcel scan refuses', () => {
  it('"cannot find" for a parcel of another notice or none: NOT_FOUND, and the parcel stays as it was', async () => {
    const { core, notice } = await expired();
    const announced = core.counter.parcels.inState(['expected'], 'demo-it')[0]!;
    expect(() => core.counter.expiry.cannotFind(notice.id, announced.id, scanner)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(core.counter.parcels.byId(announced.id)).toEqual(announced);
  });

  it('anything on a notice that is done: CONFLICT alreadyDone', async () => {
    const { core, parcels, notice } = await expired();
    for (const p of parcels) core.counter.expiry.scan(notice.id, p.tracking_id, scanner);
    expect(core.counter.expiry.notice(notice.id).completed_at).not.toBeNull();
    const alreadyDone = expect.objectContaining({ code: 'CONFLICT', reason: 'alreadyDone' });
    expect(() => core.counter.expiry.scan(notice.id, parcels[0]!.tracking_id, scanner)).toThrow(alreadyDone);
    expect(() => core.counter.expiry.cannotFind(notice.id, parcels[0]!.id, scanner)).toThrow(alreadyDone);
    expect(core.counter.parcels.byId(parcels[0]!.id).state).toBe('return_scanned');
  });
});

describe('a parcel on the shelf that the network recalls', () => {
  it('joins the open notice of its network to go back, recorded as recalled', async () => {
    const { core, parcels, notice } = await expired();
    const onShelf = receiveAll(core, 'demo-it')[0]!;
    await core.counter.pullManifest(
      'demo-it',
      sendingOnce({ items: [], recalls: [{ trackingId: onShelf.tracking_id, reason: 'Annullato' }] }),
    );
    const italianNotice = core.counter.expiry.openNotices().find((n) => n.network_id === 'demo-it')!;
    expect(italianNotice.id).not.toBe(notice.id);
    expect(core.counter.parcels.byId(onShelf.id)).toMatchObject({ state: 'expired', expiry_notice_id: italianNotice.id });
    expect(core.counter.ledger.history(onShelf.id).at(-1)).toMatchObject({ toState: 'expired', method: 'system', reason: 'recalled' });
    expect(core.counter.expiry.parcelsOf(notice.id)).toHaveLength(parcels.length);
  });
});

describe('a sweep that fails for one network', () => {
  it('says in the log which network failed and why', async () => {
    const { core, clock } = await start();
    receiveAll(core, 'demo-it');
    storeUnraisablePolicy(core, 'demo-it');
    clock.advance(7 * DAY);
    let error: unknown;
    try {
      core.counter.expiry.sweep();
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ExpirySweepError)) throw new Error('the sweep should have failed');
    expect(error.name).toBe('ExpirySweepError');
    expect(error.failures.map((f) => f.networkId)).toEqual(['demo-it']);
    const cause = error.failures[0]!.error;
    if (!(cause instanceof Error)) throw new Error('the cause should be an Error');
    expect(error.message).toContain(`demo-it (${cause.message})`);
  });
});
