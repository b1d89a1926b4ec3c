import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { refusal } from '../../../fixtures/refusal';
import { useCounter } from '../../../fixtures/counter';

const { start } = useCounter();

/** Puts `n` of the demo's announced parcels on `slot`, received: what a driver's intake leaves there. */
function fill(core: CounterCore, slot: string, n: number): void {
  const ids = core.db.prepare("SELECT id FROM parcels WHERE state = 'expected' AND slot_id IS NULL LIMIT ?").all(n) as { id: number }[];
  expect(ids).toHaveLength(n);
  for (const { id } of ids) core.db.prepare("UPDATE parcels SET state = 'received', slot_id = ? WHERE id = ?").run(slot, id);
}

describe('shelf slots', () => {
  it('starts a new shop with three small, two medium and one large shelf', async () => {
    const { core } = await start();
    expect(core.counter.slots.list().map((s) => [s.id, s.size, s.capacity, s.position, s.occupied])).toEqual([
      ['A1', 'small', 12, 0, 0],
      ['A2', 'small', 12, 1, 0],
      ['A3', 'small', 12, 2, 0],
      ['B1', 'medium', 8, 3, 0],
      ['B2', 'medium', 8, 4, 0],
      ['C1', 'large', 4, 5, 0],
    ]);
  });

  it('suggests the emptiest shelf of the size, then the first in order, then the emptiest larger one, and none when all are full', async () => {
    const { core } = await start();
    const { slots } = core.counter;
    // Ten parcels in all: the demo network announces twelve.
    slots.configure([
      { id: 'S2', size: 'small', capacity: 2 },
      { id: 'S1', size: 'small', capacity: 4 },
      { id: 'M1', size: 'medium', capacity: 1 },
      { id: 'M2', size: 'medium', capacity: 2 },
      { id: 'L1', size: 'large', capacity: 1 },
    ]);
    expect(slots.suggest('small')?.id).toBe('S2');
    // Emptiest by share, not by count nor by order: S1 holds 1 of 4 (25 %), S2 1 of 2 (50 %).
    fill(core, 'S2', 1);
    fill(core, 'S1', 1);
    expect(slots.suggest('small')?.id).toBe('S1');
    fill(core, 'S1', 3);
    expect(slots.suggest('small')?.id).toBe('S2');
    fill(core, 'S2', 1);
    // Small shelves full: a medium one with room takes it, never a large one while a medium has room.
    fill(core, 'M1', 1);
    expect(slots.suggest('small')?.id).toBe('M2');
    expect(slots.suggest('medium')?.id).toBe('M2');
    expect(slots.suggest('large')?.id).toBe('L1');
    fill(core, 'M2', 2);
    expect(slots.suggest('small')?.id).toBe('L1');
    fill(core, 'L1', 1);
    expect(slots.suggest('small')).toBeUndefined();
    expect(slots.suggest('large')).toBeUndefined();
  });

  it('prefers the emptiest share whichever shelf comes first, and its own size to an emptier larger shelf', async () => {
    const { core } = await start();
    const { slots } = core.counter;
    slots.configure([
      { id: 'M1', size: 'medium', capacity: 4 },
      { id: 'S1', size: 'small', capacity: 4 },
      { id: 'S2', size: 'small', capacity: 2 },
    ]);
    fill(core, 'S1', 1);
    fill(core, 'S2', 1);
    // S1 holds 1 of 4, S2 1 of 2, the medium shelf none: a small parcel still goes on a small shelf.
    expect(slots.suggest('small')?.id).toBe('S1');
    fill(core, 'S1', 2);
    expect(slots.suggest('small')?.id).toBe('S2');
  });

  it('refuses a layout that lists a shelf twice, whatever its case, naming the second', async () => {
    const { core } = await start();
    const before = core.counter.slots.list();
    const e = refusal(() =>
      core.counter.slots.configure([
        { id: 'A1', size: 'small', capacity: 4 },
        { id: 'B1', size: 'medium', capacity: 4 },
        { id: 'b1', size: 'large', capacity: 4 },
      ]),
    );
    expect(e.issues).toEqual([{ field: 'slots.2.id', reason: 'slotTwice', params: { slot: 'b1' } }]);
    expect(core.counter.slots.list()).toEqual(before);
  });

  it('keeps a shelf that still holds parcels, says which, and changes nothing', async () => {
    const { core } = await start();
    fill(core, 'A2', 2);
    fill(core, 'C1', 1);
    const before = core.counter.slots.list();
    const e = refusal(() => core.counter.slots.configure([{ id: 'a1', size: 'small', capacity: 20 }]));
    expect(e).toMatchObject({ code: 'CONFLICT', reason: 'slotsHoldParcels', params: { slots: 'A2, C1', count: 2 } });
    expect(core.counter.slots.list()).toEqual(before);
    // Empty shelves may go; ids are kept in capitals.
    expect(
      core.counter.slots.configure([
        { id: 'c1', size: 'large', capacity: 6 },
        { id: 'a2', size: 'small', capacity: 20 },
      ]),
    ).toEqual([
      { id: 'C1', size: 'large', capacity: 6, position: 0, occupied: 1 },
      { id: 'A2', size: 'small', capacity: 20, position: 1, occupied: 2 },
    ]);
  });
});
