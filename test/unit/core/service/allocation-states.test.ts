import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_MOVES,
  ALLOCATION_STATES,
  assertAllocationMove,
  canMoveAllocation,
  type AllocationMove,
  type AllocationState,
} from '../../../../main/core/service/allocation-states';

const allowed: [AllocationState, AllocationMove, AllocationState][] = [
  ['nonactive', 'allocate', 'active'],
  ['active', 'finish-line', 'finished'],
  ['reallocation_needed', 'finish-line', 'finished'],
  ['nonactive', 'finish-line', 'canceled'],
  ['active', 'line-needs-more', 'reallocation_needed'],
  ['active', 'cancel', 'reallocation_needed'],
  ['active', 'reallocate', 'finished'],
  ['active', 'reallocate', 'canceled'],
  ['reallocation_needed', 'reallocate', 'finished'],
  ['reallocation_needed', 'reallocate', 'canceled'],
];
const key = (t: readonly string[]) => t.join(' ');
const refused = ALLOCATION_STATES.flatMap((from) =>
  ALLOCATION_MOVES.flatMap((move) => ALLOCATION_STATES.map((to) => [from, move, to] as [AllocationState, AllocationMove, AllocationState])),
).filter((t) => !allowed.some((a) => key(a) === key(t)));

describe('allocation state machine', () => {
  it.each(allowed)('%s --%s--> %s is allowed', (from, move, to) => {
    expect(canMoveAllocation(from, move, to)).toBe(true);
    expect(() => assertAllocationMove(1, from, move, to)).not.toThrow();
  });

  it.each(refused)('%s --%s--> %s is refused', (from, move, to) => {
    expect(canMoveAllocation(from, move, to)).toBe(false);
    expect(() => assertAllocationMove(7, from, move, to)).toThrow(expect.objectContaining({ code: 'SERVICE_ALLOCATION_REFUSED' }));
  });

  it('has no way out of finished or canceled', () => {
    for (const from of ['finished', 'canceled'] as const) {
      for (const move of ALLOCATION_MOVES) for (const to of ALLOCATION_STATES) expect(canMoveAllocation(from, move, to)).toBe(false);
    }
  });
});
