import { CoreError } from '../errors';

export const ALLOCATION_STATES = ['nonactive', 'active', 'finished', 'canceled', 'reallocation_needed'] as const;
export type AllocationState = (typeof ALLOCATION_STATES)[number];

/** Why an allocation moves: each move is allowed only for its own reasons. */
export const ALLOCATION_MOVES = ['allocate', 'finish-line', 'line-needs-more', 'cancel', 'reallocate'] as const;
export type AllocationMove = (typeof ALLOCATION_MOVES)[number];

/**
 * Every allowed move: the state it leaves, the move, the state it reaches.
 * A new line has a nonactive allocation; allocating makes it active; the
 * line's progress finishes it or asks for a reallocation; cancelling asks
 * for one too; reallocating ends the old one (finished if work started,
 * canceled if not) while a new active one takes over.
 */
export const ALLOCATION_TRANSITIONS: readonly (readonly [AllocationState, AllocationMove, AllocationState])[] = [
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

export function canMoveAllocation(from: AllocationState, move: AllocationMove, to: AllocationState): boolean {
  return ALLOCATION_TRANSITIONS.some(([f, m, t]) => f === from && m === move && t === to);
}

export function assertAllocationMove(allocationId: number, from: AllocationState, move: AllocationMove, to: AllocationState): void {
  if (!canMoveAllocation(from, move, to)) {
    throw new CoreError('SERVICE_ALLOCATION_REFUSED', `Allocation ${allocationId} cannot go from ${from} to ${to} (${move})`);
  }
}

/** The allocation of a line that still counts: at most one per line (a unique index holds it). */
export const CURRENT_ALLOCATION_STATES: readonly AllocationState[] = ['nonactive', 'active', 'reallocation_needed'];
