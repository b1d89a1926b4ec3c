import type { Database } from 'better-sqlite3';
import { CoreError, fieldError } from '../errors';
import { IN_CUSTODY } from './parcel-states';
import type { ParcelSize, ShelfSlotInput } from './parcel-shapes';
import { sql } from '../db/statements';

export interface ShelfSlot {
  id: string;
  size: ParcelSize;
  capacity: number;
  position: number;
  occupied: number;
}

/** A small shop's back room: a few shelves per size. Staff change them in settings. */
export const DEFAULT_SLOTS: readonly ShelfSlotInput[] = [
  { id: 'A1', size: 'small', capacity: 12 },
  { id: 'A2', size: 'small', capacity: 12 },
  { id: 'A3', size: 'small', capacity: 12 },
  { id: 'B1', size: 'medium', capacity: 8 },
  { id: 'B2', size: 'medium', capacity: 8 },
  { id: 'C1', size: 'large', capacity: 4 },
];

const SIZE_RANK: Record<ParcelSize, number> = { small: 0, medium: 1, large: 2 };

/**
 * Where each parcel goes, so a pickup is a glance instead of a search. The
 * suggestion is the emptiest shelf of the parcel's size with room left, else
 * the emptiest larger one; a full back room suggests no slot and says so.
 */
export class ShelfSlots {
  constructor(private readonly db: Database) {}

  list(): ShelfSlot[] {
    const marks = IN_CUSTODY.map(() => '?').join(', ');
    return sql<unknown[], ShelfSlot>(
      this.db,
      `SELECT s.id, s.size, s.capacity, s.position,
                (SELECT count(*) FROM parcels p WHERE p.slot_id = s.id AND p.state IN (${marks})) AS occupied
         FROM shelf_slots s WHERE s.active = 1 ORDER BY s.position`,
    ).all(...IN_CUSTODY);
  }

  suggest(size: ParcelSize): ShelfSlot | undefined {
    // list() is in shelf order and sort() is stable: of two shelves alike, the first in order stays first.
    const candidates = this.list()
      .filter((s) => SIZE_RANK[s.size] >= SIZE_RANK[size] && s.occupied < s.capacity)
      .sort((a, b) => SIZE_RANK[a.size] - SIZE_RANK[b.size] || a.occupied / a.capacity - b.occupied / b.capacity);
    return candidates[0];
  }

  /** Replaces the active layout. Slots still holding parcels stay until they are empty. */
  configure(slots: readonly ShelfSlotInput[]): ShelfSlot[] {
    const ids = new Set<string>();
    for (const [i, slot] of slots.entries()) {
      if (ids.has(slot.id.toUpperCase()))
        throw fieldError(`slots.${i}.id`, 'slotTwice', `Slot ${slot.id} is listed twice`, { slot: slot.id });
      ids.add(slot.id.toUpperCase());
    }
    this.db
      .transaction(() => {
        const occupied = new Set(
          this.list()
            .filter((s) => s.occupied > 0)
            .map((s) => s.id),
        );
        const missing = [...occupied].filter((id) => !ids.has(id));
        if (missing.length > 0)
          throw new CoreError('CONFLICT', `Slots ${missing.join(', ')} still hold parcels`, {
            reason: 'slotsHoldParcels',
            params: { slots: missing.join(', '), count: missing.length },
          });
        sql(this.db, 'UPDATE shelf_slots SET active = 0').run();
        const upsert = sql(
          this.db,
          `INSERT INTO shelf_slots (id, size, capacity, position, active) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (id) DO UPDATE SET size = excluded.size, capacity = excluded.capacity, position = excluded.position, active = 1`,
        );
        slots.forEach((slot, position) => upsert.run(slot.id.toUpperCase(), slot.size, slot.capacity, position));
      })
      .immediate();
    return this.list();
  }

  seedDefaults(): void {
    const any = sql(this.db, 'SELECT 1 FROM shelf_slots LIMIT 1').get();
    if (!any) this.configure(DEFAULT_SLOTS);
  }
}
