import { describe, expect, it } from 'vitest';
import { rangeAroundFocus } from '../../../../renderer/features/service/components/focus-range';

const range = (startIndex: number, endIndex: number, count = 300, overscan = 6) => ({ startIndex, endIndex, count, overscan });
const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the waiting lines kept in the page around the focused one', () => {
  it('is the view and its overscan when nothing in the list has focus', () => {
    expect(rangeAroundFocus(range(10, 14), undefined)).toEqual(span(4, 20));
  });

  it('adds the line after the last one shown when that one has focus, so Tab has somewhere to go', () => {
    expect(rangeAroundFocus(range(10, 14), 20)).toEqual(span(4, 21));
  });

  it('adds the line before the first one shown when that one has focus, so Shift+Tab has somewhere to go', () => {
    expect(rangeAroundFocus(range(10, 14), 4)).toEqual(span(3, 20));
  });

  it('stays contiguous when focus is a few lines past the range (keys faster than frames)', () => {
    expect(rangeAroundFocus(range(10, 14), 25)).toEqual(span(4, 26));
  });

  it('does not grow past the list at either end', () => {
    expect(rangeAroundFocus(range(0, 3), 0)).toEqual(span(0, 9));
    expect(rangeAroundFocus(range(290, 299), 299)).toEqual(span(284, 299));
  });

  it('keeps a focused line scrolled far out of view in the page, with every line between, so focus is not dropped', () => {
    expect(rangeAroundFocus(range(200, 204), 14)).toEqual(span(13, 210));
    expect(rangeAroundFocus(range(0, 3), 120)).toEqual(span(0, 121));
  });
});
