import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import type { ManifestItem, NetworkAdapter } from '../../../../main/core/networks/network-adapter';
import { IN_CUSTODY } from '../../../../main/core/parcels/parcel-states';
import { scanner, useCounter } from '../../../fixtures/counter';

const { start } = useCounter();

/** A network that announces exactly these parcels once, so names can carry commas, quotes and newlines. */
function fixedNetwork(items: ManifestItem[]): NetworkAdapter & { failing: boolean } {
  return {
    failing: false,
    async pullManifest(_networkId, cursor) {
      if (this.failing) throw new Error('network down');
      return cursor === 'done' ? { items: [], cursor: 'done' } : { items, cursor: 'done' };
    },
    async pushEvents() {},
  };
}

const tracking = (n: number) => `QC${String(n).padStart(10, '0')}`;
const item = (n: number, recipientName: string, pickupCode: string): ManifestItem => ({
  trackingId: tracking(n),
  recipientName,
  size: 'small',
  pickupCode,
});

function receive(core: CounterCore, networkId: string, trackingIds: readonly string[]) {
  const { deliveries } = core.counter;
  const delivery = deliveries.handOver(networkId, scanner, trackingIds);
  for (const id of trackingIds) deliveries.scan(delivery.id, id, scanner);
  deliveries.complete(delivery.id);
}

const tricky = [
  item(1, 'Rossi, Maria', '111111'),
  item(2, 'Rossi, Maria', '111111'),
  item(3, 'Jean "Jojo" Dupont', '222222'),
  item(4, 'Anna\nNewline', '333333'),
  item(5, 'Zoé Martin', '444444'),
];

/** A store with the tricky customers' parcels received (1–4) and one still expected (5), beside the demo parcels. */
async function store() {
  const started = await start();
  const { core } = started;
  await core.counter.pullManifest('demo-fr', fixedNetwork(tricky));
  receive(core, 'demo-fr', [1, 2, 3, 4].map(tracking));
  return started;
}

const all = { limit: 1000, offset: 0 };
const nameAndCount = ({ name, count }: { name: string; count: number }) => ({ name, count });
const keyOf = (core: CounterCore, name: string) => core.inventory.customers({}, all).customers.find((c) => c.name === name)!.key;

describe('inventory', () => {
  it('groups the parcels in custody by customer with counts; parcels not yet delivered are not in the store', async () => {
    const { core } = await store();
    const page = core.inventory.customers({}, all);
    expect(page.customers.map(nameAndCount)).toEqual([
      { name: 'Anna\nNewline', count: 1 },
      { name: 'Jean "Jojo" Dupont', count: 1 },
      { name: 'Rossi, Maria', count: 2 },
    ]);
    expect(page).toMatchObject({ totalCustomers: 3, totalParcels: 4 });
  });

  it('searches by part of a name, by tracking ID (spaces and case ignored) and by the 6-digit pickup code through its hash', async () => {
    const { core } = await store();
    expect(core.inventory.customers({ search: 'rossi' }, all).customers.map(nameAndCount)).toEqual([{ name: 'Rossi, Maria', count: 2 }]);
    expect(core.inventory.customers({ search: 'qc00 0000 0003' }, all).customers.map(nameAndCount)).toEqual([
      { name: 'Jean "Jojo" Dupont', count: 1 },
    ]);
    expect(core.inventory.customers({ search: '333333' }, all).customers.map(nameAndCount)).toEqual([{ name: 'Anna\nNewline', count: 1 }]);
    // The code of a parcel not in the store finds nothing; a LIKE wildcard typed by staff is taken literally.
    expect(core.inventory.customers({ search: '444444' }, all).totalParcels).toBe(0);
    expect(core.inventory.customers({ search: '%' }, all).totalParcels).toBe(0);
  });

  it('filters by state, including states outside custody for looking things up', async () => {
    const { core } = await store();
    expect(core.inventory.customers({ states: ['expected'], search: 'zoé' }, all).customers.map(nameAndCount)).toEqual([
      { name: 'Zoé Martin', count: 1 },
    ]);
    expect(core.inventory.customers({ states: ['picked_up'] }, all).totalParcels).toBe(0);
    const pickup = core.counter.pickups.start('111111', { actorId: 'counter', method: 'keyboard' });
    if (pickup.outcome !== 'found') throw new Error('code not found');
    for (const i of core.counter.pickups.items(pickup.pickupId)) core.counter.pickups.scan(pickup.pickupId, i.parcel.tracking_id, scanner);
    core.counter.pickups.complete(pickup.pickupId, scanner);
    expect(core.inventory.customers({ states: ['picked_up'] }, all).customers.map(nameAndCount)).toEqual([
      { name: 'Rossi, Maria', count: 2 },
    ]);
    expect(core.inventory.customers({}, all).customers.map((c) => c.name)).not.toContain('Rossi, Maria');
  });

  it('shows one customer’s parcels with tracking ID, parcel ID, state, shelf and dates', async () => {
    const { core } = await store();
    const parcels = core.inventory.parcelsOf(keyOf(core, 'Rossi, Maria'), {});
    expect(parcels.map((p) => p.tracking_id)).toEqual([tracking(1), tracking(2)]);
    for (const p of parcels) {
      expect(p).toMatchObject({ state: 'received', recipient_name: 'Rossi, Maria' });
      expect(p.id).toBeGreaterThan(0);
      expect(p.slot_id).not.toBeNull();
      expect(p.received_at).not.toBeNull();
      expect(p.expires_at).not.toBeNull();
    }
  });

  it('pages customers with LIMIT/OFFSET: the pages add up to the whole list with no customer twice', async () => {
    const { core } = await store();
    receive(
      core,
      'demo-fr',
      core.counter.parcels
        .inState(['expected'], 'demo-fr')
        .filter((p) => p.delivery_id === null && p.tracking_id !== tracking(5))
        .map((p) => p.tracking_id),
    );
    const whole = core.inventory.customers({}, all);
    expect(whole.totalCustomers).toBeGreaterThan(4);
    const paged = [];
    for (let offset = 0; offset < whole.totalCustomers; offset += 2) {
      const page = core.inventory.customers({}, { limit: 2, offset });
      expect(page.customers.length).toBeLessThanOrEqual(2);
      expect(page.totalCustomers).toBe(whole.totalCustomers);
      paged.push(...page.customers);
    }
    expect(paged).toEqual(whole.customers);
  });

  it('exports exactly the filtered set as CSV; commas, quotes and newlines in names survive a parse back', async () => {
    const { core } = await store();
    for (const filter of [{}, { search: 'rossi' }, { states: ['expected' as const] }, { search: '333333' }]) {
      const records = parse(core.inventory.csv(filter), { columns: true }) as Record<string, string>[];
      const expected = core.inventory.rows(filter);
      expect(records.map((r) => [r.customer, r.tracking_id, Number(r.parcel_id), r.state])).toEqual(
        expected.map((p) => [p.recipient_name, p.tracking_id, p.id, p.state]),
      );
    }
    const records = parse(core.inventory.csv({}), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.customer)).toEqual(['Anna\nNewline', 'Jean "Jojo" Dupont', 'Rossi, Maria', 'Rossi, Maria']);
    expect(records.every((r) => IN_CUSTODY.includes(r.state as never) && r.shelf !== '' && r.received_at !== '')).toBe(true);
  });

  it('keeps a name that looks like a spreadsheet formula as text in the CSV', async () => {
    const { core } = await start();
    await core.counter.pullManifest('demo-fr', fixedNetwork([item(7, '=HYPERLINK("http://evil.example","Open")', '777777')]));
    receive(core, 'demo-fr', [tracking(7)]);
    const [record] = parse(core.inventory.csv({ search: 'HYPERLINK' }), { columns: true }) as Record<string, string>[];
    expect(record!.customer).toBe(`'=HYPERLINK("http://evil.example","Open")`);
  });

  it('keeps a formula behind leading whitespace or a line break as text too', async () => {
    const { core } = await start();
    const names = [' =1+1 Zed', '\n=1+1 Zed', '\t @SUM(1) Zed', '\r\n-2+3 Zed'];
    await core.counter.pullManifest('demo-fr', fixedNetwork(names.map((name, i) => item(20 + i, name, `88888${i}`))));
    receive(
      core,
      'demo-fr',
      names.map((_, i) => tracking(20 + i)),
    );
    const records = parse(core.inventory.csv({ search: 'Zed' }), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.customer).sort()).toEqual(names.map((n) => `'${n}`).sort());
  });

  it('"Sync" pulls each network through its adapter and stores when the last sync succeeded; a failed one keeps the old time', async () => {
    const { core, clock } = await start();
    const adapter = fixedNetwork([item(9, 'New Customer', '555555')]);
    expect(core.sync.lastSuccessAt()).toBeNull();
    const first = await core.sync.sync(() => adapter);
    expect(first.networks.every((n) => n.ok)).toBe(true);
    // The one adapter serves both demo networks: one new parcel each.
    expect(first.networks.map((n) => n.added)).toEqual([1, 1]);
    expect(first.lastSuccessAt).toBe(clock.now());
    const succeededAt = clock.now();
    clock.advance(60_000);
    adapter.failing = true;
    const second = await core.sync.sync(() => adapter);
    expect(second.networks.every((n) => !n.ok)).toBe(true);
    expect(second.lastSuccessAt).toBe(succeededAt);
  });
});

describe('the list, the detail and the CSV agree', () => {
  /** One name, three parcels: two under one code, one under another (two pickups, so two customers). */
  const namesakes = [item(21, 'Marco Bianchi', '612345'), item(22, 'Marco Bianchi', '612345'), item(23, 'Marco Bianchi', '698765')];

  it('groups by name and pickup code; a code search shows one customer, whose detail and CSV hold exactly what was counted', async () => {
    const { core } = await start();
    await core.counter.pullManifest('demo-fr', fixedNetwork(namesakes));
    receive(core, 'demo-fr', [21, 22, 23].map(tracking));

    const everyone = core.inventory.customers({ search: 'bianchi' }, all);
    expect(everyone.customers.map(nameAndCount)).toEqual([
      { name: 'Marco Bianchi', count: 2 },
      { name: 'Marco Bianchi', count: 1 },
    ]);
    expect(everyone).toMatchObject({ totalCustomers: 2, totalParcels: 3 });

    for (const [search, trackingIds] of [
      ['698765', [tracking(23)]],
      ['612345', [tracking(21), tracking(22)]],
      ['qc0000000022', [tracking(22)]],
    ] as const) {
      const page = core.inventory.customers({ search }, all);
      expect(page).toMatchObject({ totalCustomers: 1, totalParcels: trackingIds.length });
      const detail = core.inventory.parcelsOf(page.customers[0]!.key, { search });
      expect(detail.map((p) => p.tracking_id)).toEqual(trackingIds);
      const rows = parse(core.inventory.csv({ search }), { columns: true }) as { tracking_id: string }[];
      expect(rows.map((r) => r.tracking_id)).toEqual(trackingIds);
    }
  });
});

describe('the last sync', () => {
  it('agrees with the top bar: the background syncs count, and it is the oldest of the networks’ last answers', async () => {
    const { core, clock } = await start();
    const enabled = core.networks.list().filter((n) => n.enabled);
    expect(core.sync.lastSuccessAt()).toBeNull();
    const firstAt = clock.now();
    await core.counter.pullManifest(enabled[0]!.id, core.adapters.for(enabled[0]!)!);
    // One network never answered: not everything is synced yet.
    expect(core.sync.lastSuccessAt()).toBe(enabled.length === 1 ? firstAt : null);
    clock.advance(60_000);
    for (const network of enabled.slice(1)) await core.counter.pullManifest(network.id, core.adapters.for(network)!);
    const links = enabled.map((n) => core.links.status(n.id).lastSuccessAt);
    expect(core.sync.lastSuccessAt()).toBe(Math.min(...(links as number[])));
    expect(core.sync.lastSuccessAt()).toBe(firstAt);
  });
});
