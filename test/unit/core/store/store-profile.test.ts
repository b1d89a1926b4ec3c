import { afterEach, describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import type { OpeningHoursInput } from '../../../../main/core/hours/hours-shapes';
import type { StoreProfile } from '../../../../main/core/store/store-shapes';
import { openTestCore } from '../../../fixtures/core';
import { HOUR } from '../../../fixtures/counter';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
const open: CounterCore[] = [];
afterEach(() => open.splice(0).forEach((core) => core.close()));

function start() {
  const opened = openTestCore(tempDir());
  open.push(opened.core);
  return opened;
}

const shop: StoreProfile = {
  name: 'Tabacchi Bianchi',
  isActive: true,
  timeZone: 'Europe/Rome',
  address: { addressLine1: 'Corso Italia 4', city: 'Torino', postalCode: '10121', countryCode: 'IT' },
  capabilities: ['PICK_UP', 'DROP_OFF'],
};

const sentRecords = (core: CounterCore) =>
  core.db
    .prepare<[], { network_id: string; payload_json: string }>(
      "SELECT network_id, payload_json FROM outbox WHERE kind = 'store-profile' ORDER BY id",
    )
    .all()
    .map((r) => ({ networkId: r.network_id, record: JSON.parse(r.payload_json) as { name: string; isActive: boolean } }));

describe('the store profile', () => {
  it('goes out inactive with the placeholder details until the shop saves its own, then active to every network', () => {
    const { core } = start();
    const networks = core.networks.list().map((n) => n.id);
    expect(core.store.get().name).toBe('OpenCounter demo shop');
    core.store.publish(core.hours.get());
    expect(sentRecords(core)).toEqual(
      networks.map((networkId) => ({ networkId, record: expect.objectContaining({ name: 'OpenCounter demo shop', isActive: false }) })),
    );

    expect(core.store.save(shop)).toEqual(shop);
    expect(sentRecords(core).slice(networks.length)).toEqual(
      networks.map((networkId) => ({ networkId, record: expect.objectContaining({ name: 'Tabacchi Bianchi', isActive: true }) })),
    );
    expect(core.store.timeZone()).toBe('Europe/Rome');
  });

  it('refuses a profile the store feed would refuse and keeps the saved one, queueing nothing', () => {
    const { core } = start();
    core.store.save(shop);
    const queued = sentRecords(core).length;
    expect(() => core.store.save({ ...shop, address: { ...shop.address, countryCode: 'Italia' } })).toThrow();
    expect(() => core.store.save({ ...shop, timeZone: 'Mars/Olympus' })).toThrow();
    expect(() => core.store.save({ ...shop, capabilities: ['PICK_UP', 'PICK_UP'] })).toThrow();
    expect(core.store.get()).toEqual(shop);
    expect(sentRecords(core)).toHaveLength(queued);
  });

  it('sends the planned closures from the store’s own today, the week by day name and each network’s capacity', () => {
    const { core, clock } = start();
    const hours: OpeningHoursInput = {
      week: [[{ opens: '09:00', closes: '13:00' }], [], [], [], [], [], []],
      exceptions: ['2026-11-24', '2026-11-25', '2026-12-25'].map((date) => ({ date, kind: 'holiday', note: '', ranges: [] })),
    };
    // 21:00 UTC on 24 November is already the 25th on Kiritimati (UTC+14), still the 24th in Rome.
    clock.advance(12 * HOUR);
    const network = core.networks.get('demo-it');
    core.store.save({ ...shop, timeZone: 'Pacific/Kiritimati' });
    const far = core.store.recordFor(network, hours, clock.now());
    expect(far.exceptionalClosures.map((e) => e.date)).toEqual(['2026-11-25', '2026-12-25']);
    core.store.save(shop);
    const near = core.store.recordFor(network, hours, clock.now());
    expect(near.exceptionalClosures.map((e) => e.date)).toEqual(['2026-11-24', '2026-11-25', '2026-12-25']);
    expect(near.standardHours.map((d) => d.day)).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
    expect(near.standardHours[0]!.ranges).toEqual([{ opens: '09:00', closes: '13:00' }]);
    expect(near.capacity).toEqual({ threshold: network.policy.capacity });
    expect(near).toMatchObject({ storeId: core.storeId, changedAt: clock.now() });
  });

  it('falls back to the placeholder details when the stored profile no longer reads', () => {
    const { core } = start();
    core.settings.set('store.profile', JSON.stringify({ ...shop, capabilities: [] }));
    expect(core.store.get().name).toBe('OpenCounter demo shop');
  });
});
