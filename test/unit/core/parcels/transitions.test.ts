import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../../main/core/errors';
import { PARCEL_STATES, TRANSITIONS, canTransition, pickupItemStatus } from '../../../../main/core/parcels/parcel-states';
import { scanner, useCounter } from '../../../fixtures/counter';

const { start } = useCounter();

const allowed: [string, string][] = [
  ['expected', 'received'],
  ['expected', 'damaged_refused'],
  ['received', 'picked_up'],
  ['received', 'refused'],
  ['received', 'missing'],
  ['received', 'expired'],
  ['refused', 'return_scanned'],
  ['refused', 'returned'],
  ['refused', 'missing'],
  ['missing', 'received'],
  ['expired', 'return_scanned'],
  ['expired', 'missing'],
  ['expired', 'picked_up'],
  ['return_scanned', 'returned'],
  ['return_scanned', 'picked_up'],
  ['return_scanned', 'missing'],
];

describe('parcel state machine', () => {
  it('allows exactly the moves of the parcel table and nothing else', () => {
    const table = PARCEL_STATES.flatMap((from) => TRANSITIONS[from].map((to) => `${from}→${to}`)).sort();
    expect(table).toEqual(allowed.map(([a, b]) => `${a}→${b}`).sort());
  });

  it.each(PARCEL_STATES.flatMap((from) => PARCEL_STATES.map((to) => [from, to] as const)))('%s → %s', async (from, to) => {
    const { core } = await start();
    const { db, counter } = core;
    const parcel = counter.parcels.inState(['expected'], 'demo-fr')[0]!;
    // Put the parcel in `from` directly (test set-up), then try the move through the ledger.
    db.prepare('UPDATE parcels SET state = ? WHERE id = ?').run(from, parcel.id);
    const before = db.prepare('SELECT count(*) AS n FROM custody_events').get() as { n: number };
    const attempt = () => db.transaction(() => counter.ledger.move(counter.parcels.byId(parcel.id), to, scanner))();
    if (canTransition(from, to)) {
      expect(attempt().state).toBe(to);
      const events = counter.ledger.history(parcel.id);
      expect(events.at(-1)).toMatchObject({ fromState: from, toState: to, actorId: 'counter', method: 'scanner' });
    } else {
      expect(attempt).toThrow(CoreError);
      expect(counter.parcels.byId(parcel.id).state).toBe(from);
      expect(db.prepare('SELECT count(*) AS n FROM custody_events').get()).toEqual(before);
    }
  });
  it('refuses a move outside the table with a typed error that names the parcel', async () => {
    const { core } = await start();
    const parcel = core.counter.parcels.inState(['expected'], 'demo-fr')[0]!;
    const attempt = () => core.db.transaction(() => core.counter.ledger.move(parcel, 'picked_up', scanner))();
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'parcelMoveRefused', params: { trackingId: parcel.tracking_id } }),
    );
  });
});

describe('a parcel of a pickup, as the pickup screen shows it', () => {
  const expected: Record<(typeof PARCEL_STATES)[number], [unscanned: string, scanned: string]> = {
    expected: ['resolved', 'resolved'],
    received: ['to-scan', 'scanned'],
    expired: ['to-scan', 'scanned'],
    return_scanned: ['to-scan', 'scanned'],
    // Handed over only if staff scanned it; otherwise it left the shop by another way.
    picked_up: ['resolved', 'handed-over'],
    refused: ['resolved', 'resolved'],
    missing: ['resolved', 'resolved'],
    returned: ['resolved', 'resolved'],
    damaged_refused: ['resolved', 'resolved'],
  };

  it.each(PARCEL_STATES)('%s', (state) => {
    expect([pickupItemStatus(state, false), pickupItemStatus(state, true)]).toEqual(expected[state]);
  });
});

describe('custody log', () => {
  it('refuses UPDATE and DELETE: it is append-only', async () => {
    const { core } = await start();
    expect(() => core.db.prepare("UPDATE custody_events SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM custody_events').run()).toThrow(/append-only/);
    core.counter.throttle.record('wrong', 'counter', 'keyboard');
    expect(() => core.db.prepare("UPDATE pickup_attempts SET outcome = 'matched'").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM pickup_attempts').run()).toThrow(/append-only/);
  });

  it('is written in the same transaction as the state change, with the outbox event', async () => {
    const { core } = await start();
    const { db, counter } = core;
    const parcel = counter.parcels.inState(['expected'], 'demo-fr')[0]!;
    const outboxBefore = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    expect(() =>
      db.transaction(() => {
        counter.ledger.move(parcel, 'received', scanner);
        throw new Error('power cut');
      })(),
    ).toThrow('power cut');
    expect(counter.parcels.byId(parcel.id).state).toBe('expected');
    expect(counter.ledger.history(parcel.id).map((e) => e.toState)).toEqual(['expected']);
    expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(outboxBefore);
  });
});
