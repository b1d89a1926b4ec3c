import { describe, expect, it } from 'vitest';
import { demoParcel } from '../../../../main/core/networks/demo-network';
import { keyboard, receiveAll, useCounter } from '../../../fixtures/counter';

const { start } = useCounter();

async function shelvedParcel() {
  const { core } = await start();
  receiveAll(core, 'demo-fr');
  const { ledger, parcels } = core.counter;
  const parcel = parcels.byTrackingId(demoParcel('demo-fr', 0).trackingId, 'demo-fr')!;
  const inTransaction = <T>(work: () => T): T => core.db.transaction(work).immediate();
  return { core, ledger, parcels, parcel, inTransaction, events: () => ledger.history(parcel.id) };
}

const details = { ...keyboard, reason: 'not-found-at-pickup' };

describe('the custody ledger', () => {
  it('changes only the columns a move names: the shelf, intake and deadlines of a parcel marked missing stay', async () => {
    const { ledger, parcel, inTransaction } = await shelvedParcel();
    expect(parcel).toMatchObject({ slot_id: expect.any(String), delivery_id: expect.any(Number), received_at: expect.any(Number) });
    const moved = inTransaction(() => ledger.move(parcel, 'missing', details));
    expect(moved).toEqual({ ...parcel, state: 'missing', state_changed_at: moved.state_changed_at });
  });

  it('refuses a move from a stale copy of the parcel, with its tracking ID, and writes nothing', async () => {
    const { ledger, parcels, parcel, inTransaction, events } = await shelvedParcel();
    inTransaction(() => ledger.move(parcel, 'missing', details));
    const before = events();
    expect(() => inTransaction(() => ledger.move(parcel, 'picked_up', { ...keyboard, reason: 'collected' }))).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'parcelChanged', params: { trackingId: parcel.tracking_id } }),
    );
    expect(parcels.byId(parcel.id).state).toBe('missing');
    expect(events()).toEqual(before);
  });

  it('writes a move or a note only inside the caller’s transaction, so the event and its change commit together', async () => {
    const { core, ledger, parcels, parcel, events } = await shelvedParcel();
    const before = events();
    const outbox = core.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    expect(() => ledger.move(parcel, 'missing', details)).toThrow();
    expect(() => ledger.note(parcel, { ...keyboard, reason: 'announced-after-intake' })).toThrow();
    expect(parcels.byId(parcel.id)).toEqual(parcel);
    expect(events()).toEqual(before);
    expect(core.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outbox);
  });
});
