import { describe, expect, it } from 'vitest';
import { shelfSlotInputSchema } from '../../../../main/core/parcels/parcel-shapes';

const slot = (over: object) => ({ id: 'A1', size: 'small', capacity: 12, ...over });

describe('a shelf slot as staff type it in settings', () => {
  it.each([
    ['a two-character id', { id: 'A1' }, 'A1'],
    ['a one-character id', { id: 'A' }, 'A'],
    ['twelve characters, letters, digits and dashes', { id: 'Back-room-12' }, 'Back-room-12'],
    ['spaces around the id, trimmed', { id: '  B2 ' }, 'B2'],
  ])('accepts %s', (_, over, id) => {
    expect(shelfSlotInputSchema.parse(slot(over)).id).toBe(id);
  });

  it.each([
    ['an empty id', { id: '' }],
    ['only spaces', { id: '   ' }],
    ['thirteen characters', { id: 'Back-room-123' }],
    ['a space inside', { id: 'A 1' }],
    ['a sign at the end', { id: 'A1!' }],
    ['a sign at the start', { id: '#A1' }],
    ['a capacity of 0', { capacity: 0 }],
    ['a capacity over 500', { capacity: 501 }],
    ['a fractional capacity', { capacity: 2.5 }],
    ['an unknown size', { size: 'huge' }],
  ])('refuses %s', (_, over) => {
    expect(shelfSlotInputSchema.safeParse(slot(over)).success).toBe(false);
  });

  it.each([1, 2, 500])('accepts a capacity of %i', (capacity) => {
    expect(shelfSlotInputSchema.parse(slot({ capacity })).capacity).toBe(capacity);
  });
});
