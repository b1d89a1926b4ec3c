import { describe, expect, it } from 'vitest';
import type { ManifestItem } from '../../../../main/core/networks/network-adapter';
import { keyboard, scanner, useCounter } from '../../../fixtures/counter';
import { sendingOnce } from '../../../fixtures/manifest-network';

const { start, restart } = useCounter();

const LATE = 'QC9900000001';
const announcement: ManifestItem = { trackingId: LATE, recipientName: 'Élise Arrivée', size: 'large', pickupCode: '734519' };

describe('a parcel the driver brought before the network announced it', () => {
  it('unexpected intake, then the manifest, then the customer collects it with their code', async () => {
    const { core, clock, dir } = await start();
    const { deliveries } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    const intake = deliveries.scan(delivery.id, LATE, scanner);
    expect(intake).toMatchObject({ outcome: 'received', unexpected: true });
    deliveries.complete(delivery.id);
    // Before the announcement no code opens it.
    expect(core.counter.pickups.start(announcement.pickupCode, keyboard).outcome).toBe('wrong-code');

    const outboxBefore = core.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    clock.advance(60_000);
    const reopened = restart(core, dir, clock);
    await reopened.counter.pullManifest('demo-fr', sendingOnce({ items: [announcement] }));
    const parcel = reopened.counter.parcels.byTrackingId(LATE, 'demo-fr')!;
    expect(parcel).toMatchObject({
      state: 'received',
      recipient_name: 'Élise Arrivée',
      size: 'large',
      slot_id: intake.outcome === 'received' ? intake.parcel.slot_id : null,
    });
    expect(reopened.counter.ledger.history(parcel.id).map((e) => [e.fromState, e.toState, e.reason])).toEqual([
      [null, 'expected', 'not-announced'],
      ['expected', 'received', 'unexpected'],
      ['received', 'received', 'announced-after-intake'],
    ]);
    // The network's own announcement is not news to send back to it.
    expect(reopened.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outboxBefore);
    // The same page again changes nothing more.
    await reopened.counter.pullManifest('demo-fr', sendingOnce({ items: [announcement] }));
    expect(reopened.counter.ledger.history(parcel.id)).toHaveLength(3);

    const started = reopened.counter.pickups.start(announcement.pickupCode, keyboard);
    if (started.outcome !== 'found') throw new Error(`the customer's code should open the pickup, got ${started.outcome}`);
    expect(reopened.counter.pickups.scan(started.pickupId, LATE, scanner).outcome).toBe('scanned');
    expect(reopened.counter.pickups.complete(started.pickupId, scanner).handedOver.map((p) => [p.tracking_id, p.state])).toEqual([
      [LATE, 'picked_up'],
    ]);
  });

  it('completes it in one transaction: if the note cannot be written, the customer and code stay unknown', async () => {
    const { core } = await start();
    const { deliveries } = core.counter;
    const delivery = deliveries.handOver('demo-fr', scanner);
    deliveries.scan(delivery.id, LATE, scanner);
    core.db.exec(
      `CREATE TEMP TRIGGER no_note BEFORE INSERT ON custody_events WHEN NEW.reason = 'announced-after-intake' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    await expect(core.counter.pullManifest('demo-fr', sendingOnce({ items: [announcement] }))).rejects.toThrow(/disk full/);
    core.db.exec('DROP TRIGGER no_note');
    expect(core.counter.parcels.byTrackingId(LATE, 'demo-fr')).toMatchObject({ recipient_name: '', size: 'medium' });
    expect(core.counter.pickups.start(announcement.pickupCode, keyboard).outcome).toBe('wrong-code');
    // The cursor did not move either: the next pull brings the announcement again and completes it.
    await core.counter.pullManifest('demo-fr', sendingOnce({ items: [announcement] }));
    expect(core.counter.parcels.byTrackingId(LATE, 'demo-fr')).toMatchObject({ recipient_name: 'Élise Arrivée', size: 'large' });
  });

  it('leaves an announced parcel as it is when the network announces it again', async () => {
    const { core } = await start();
    const parcel = core.counter.parcels.inState(['expected'], 'demo-fr')[0]!;
    await core.counter.pullManifest(
      'demo-fr',
      sendingOnce({ items: [{ trackingId: parcel.tracking_id, recipientName: 'Someone Else', size: 'small', pickupCode: '111111' }] }),
    );
    expect(core.counter.parcels.byId(parcel.id)).toEqual(parcel);
    expect(core.counter.ledger.history(parcel.id)).toHaveLength(1);
  });
});
