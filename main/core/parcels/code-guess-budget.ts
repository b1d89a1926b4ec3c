/** How many 6-digit pickup codes there are. */
export const CODE_SPACE = 10 ** 6;

/** The chance, over one retention period, that guesses hit any live code must stay under this. */
export const MAX_HIT_CHANCE_PERCENT = 1;

/** The share of the budget kept for inventory searches by code (a tenth): the rest is for codes typed at pickup. */
const SEARCH_SHARE = 10;

export interface WrongCodeBudget {
  /** Wrong codes allowed in one retention period, typed at pickup or searched. */
  total: number;
  /** Of which typed (or from a barcode) at pickup. */
  pickup: number;
  /** Of which searched in the inventory. */
  search: number;
}

/**
 * Wrong codes the store may take per retention period, when `liveCodes`
 * codes open a parcel at the same time (the store full).
 *
 * A guesser never repeats a wrong code, so the k-th guess is one of the
 * CODE_SPACE − k codes left, and hits a live code with a chance of at most
 * liveCodes / (CODE_SPACE − k) ≤ liveCodes / (CODE_SPACE − G) for G
 * guesses. Adding up over the G guesses (union bound):
 *
 *   P(any hit) ≤ G · liveCodes / (CODE_SPACE − G) < 1 %
 *   ⇔ 100 · G · liveCodes < CODE_SPACE − G
 *   ⇔ G · (100 · liveCodes + 1) < CODE_SPACE
 *
 * so G is the largest integer below CODE_SPACE / (100 · liveCodes + 1).
 * 100 parcels over 14 days: 1 000 000 / 10 001 = 99.99…, G = 99, a chance
 * of 99 · 100 / 999 901 ≈ 0.990 %. A tenth of G (9) is kept for searches,
 * 90 for pickups.
 */
export function wrongCodeBudget(liveCodes: number): WrongCodeBudget {
  const live = Math.max(1, Math.ceil(liveCodes));
  const total = Math.ceil(CODE_SPACE / ((100 / MAX_HIT_CHANCE_PERCENT) * live + 1)) - 1;
  const search = Math.floor(total / SEARCH_SHARE);
  return { total, pickup: total - search, search };
}

/** The upper bound on the chance (0–1) that `guesses` wrong codes hit one of `liveCodes` live codes. */
export function hitChanceBound(guesses: number, liveCodes: number): number {
  return (guesses * liveCodes) / (CODE_SPACE - guesses);
}
