import { describe, expect, it } from 'vitest';
import { demoParcel } from '../../../../main/core/networks/demo-network';
import { receiveAll, useCounter } from '../../../fixtures/counter';
import { announced, scriptedNetwork } from '../../../fixtures/manifest-network';

const { start } = useCounter();

const NEW = 'QC7700000001';

describe('the manifest pull: recalls', () => {
  it('sends a parcel on the shelf back, stops expecting one not yet here, and counts only those', async () => {
    const { core, clock } = await start();
    receiveAll(core, 'demo-fr');
    const onShelf = demoParcel('demo-fr', 0).trackingId;
    const otherNetworks = demoParcel('demo-it', 0).trackingId;
    const recalls = [
      { trackingId: onShelf.toLowerCase(), reason: 'Sender asked for it back' },
      { trackingId: NEW, reason: 'Cancelled' },
      { trackingId: otherNetworks, reason: 'Not ours' },
      { trackingId: 'QC0000000000', reason: 'Never announced' },
    ];
    clock.advance(60_000);
    const network = scriptedNetwork([{ items: [announced(NEW)], recalls, cursor: 'recalls' }]);
    expect(await core.counter.pull('demo-fr', network)).toEqual({
      added: 1,
      recalled: 2,
      policyChanged: false,
      skipped: 0,
      refusedPolicy: [],
    });

    const { parcels } = core.counter;
    const now = clock.now();
    expect(parcels.byTrackingId(onShelf, 'demo-fr')).toMatchObject({
      state: 'expired',
      recalled_at: now,
      recall_reason: 'Sender asked for it back',
    });
    expect(core.counter.ledger.history(parcels.byTrackingId(onShelf, 'demo-fr')!.id).at(-1)).toMatchObject({
      fromState: 'received',
      toState: 'expired',
      reason: 'recalled',
    });
    expect(parcels.byTrackingId(NEW, 'demo-fr')).toMatchObject({ state: 'expected', recalled_at: now, recall_reason: 'Cancelled' });
    expect(parcels.byTrackingId(otherNetworks, 'demo-it')).toMatchObject({ state: 'expected', recalled_at: null });
  });

  it('counts a parcel recalled again as nothing new, and leaves its first recall as it was', async () => {
    const { core, clock } = await start();
    receiveAll(core, 'demo-fr');
    const onShelf = demoParcel('demo-fr', 0).trackingId;
    const recall = (cursor: string, reason: string) => ({ items: [], recalls: [{ trackingId: onShelf, reason }], cursor });
    const network = scriptedNetwork([recall('first', 'Sender asked for it back'), recall('again', 'Asked twice')]);
    expect((await core.counter.pull('demo-fr', network)).recalled).toBe(1);
    const first = core.counter.parcels.byTrackingId(onShelf, 'demo-fr')!;
    const events = core.counter.ledger.history(first.id).length;
    clock.advance(60_000);
    expect((await core.counter.pull('demo-fr', network)).recalled).toBe(0);
    expect(core.counter.parcels.byTrackingId(onShelf, 'demo-fr')).toEqual(first);
    expect(core.counter.ledger.history(first.id)).toHaveLength(events);
  });
});

describe('the manifest pull: policy', () => {
  it('applies what the network changed, tells it, and keeps a value it cannot use', async () => {
    const { core } = await start();
    const before = core.networks.get('demo-fr').networkPolicy;
    const network = scriptedNetwork([
      { items: [], policy: {}, cursor: 'nothing', hasMore: true },
      { items: [], policy: { capacity: 3000, retentionDays: 600 }, cursor: 'changed' },
    ]);
    expect(await core.counter.pull('demo-fr', network)).toMatchObject({
      policyChanged: true,
      refusedPolicy: [{ field: 'retentionDays', problem: 'out-of-range' }],
    });
    expect(core.networks.get('demo-fr').networkPolicy).toEqual({ ...before, capacity: 3000 });
  });

  it('says nothing changed when the page has no policy or an empty one', async () => {
    const { core } = await start();
    const before = core.networks.get('demo-fr').networkPolicy;
    const network = scriptedNetwork([
      { items: [], cursor: 'none', hasMore: true },
      { items: [], policy: {}, cursor: 'empty' },
    ]);
    expect(await core.counter.pull('demo-fr', network)).toMatchObject({ policyChanged: false, refusedPolicy: [] });
    expect(core.networks.get('demo-fr').networkPolicy).toEqual(before);
  });

  it('sizes the wrong-code budget by every network’s capacity together', async () => {
    const { core } = await start();
    await core.counter.pull('demo-it', scriptedNetwork([{ items: [], policy: { capacity: 3000 }, cursor: 'it' }]));
    await core.counter.pull('demo-fr', scriptedNetwork([{ items: [], policy: { capacity: 2000 }, cursor: 'fr' }]));
    expect(core.counter.budgetBasis().liveCodes).toBe(5000);
  });
});

describe('the manifest pull: pages', () => {
  it('takes every page ready now, adds up what each left out, and goes on from the last cursor', async () => {
    const { core } = await start();
    const network = scriptedNetwork([
      { items: [announced('QC7700000001', '111111')], cursor: 'p1', hasMore: true, skipped: 2 },
      { items: [announced('QC7700000002', '222222')], cursor: 'p2', skipped: 3 },
      { items: [announced('QC7700000003', '333333')], cursor: 'p3' },
    ]);
    expect(await core.counter.pull('demo-fr', network)).toMatchObject({ added: 2, skipped: 5 });
    expect(network.asked.slice(1)).toEqual(['p1']);
    expect(await core.counter.pull('demo-fr', network)).toMatchObject({ added: 1, skipped: 0 });
    expect(network.asked.slice(2)).toEqual(['p2']);
  });

  it('stops after 50 pages so one busy network cannot hold the others up; the next pull goes on', async () => {
    const { core } = await start();
    const pages = Array.from({ length: 60 }, (_, i) => ({ items: [], cursor: `p${i}`, hasMore: true }));
    const network = scriptedNetwork(pages);
    await core.counter.pull('demo-fr', network);
    expect(network.asked).toHaveLength(50);
    await core.counter.pull('demo-fr', network);
    expect(network.asked[50]).toBe('p49');
  });
});
