import { defaultRangeExtractor, type Range } from '@tanstack/vue-virtual';

/**
 * The waiting lines to keep in the page: those in view (with the overscan),
 * stretched to the focused line and the lines just before and after it.
 * The list only learns it has scrolled at the next frame, and a held Tab key
 * on a busy counter PC moves focus faster than frames come: without the next
 * line in the page, Tab would leave the list. The focused line also stays
 * when the mouse scrolls it out of view, so focus is never dropped. Kept
 * contiguous because the list places its lines with padding.
 */
export function rangeAroundFocus(range: Range, focusedIndex: number | undefined): number[] {
  const indexes = defaultRangeExtractor(range);
  if (focusedIndex === undefined || indexes.length === 0) return indexes;
  const from = Math.max(0, Math.min(indexes[0]!, focusedIndex - 1));
  const to = Math.min(range.count - 1, Math.max(indexes.at(-1)!, focusedIndex + 1));
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
