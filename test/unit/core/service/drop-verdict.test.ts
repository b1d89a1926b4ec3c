import { describe, expect, it } from 'vitest';
import { dropVerdict } from '../../../../main/core/service/drop-calc';

const line = { hours: 2, unqualified: [{ technicianId: 2, missingSkills: ['gas'] }], inZone: [1] };

describe('drop preview on the dispatch board', () => {
  it.each([
    [
      'qualified, in zone, room left',
      1,
      { capacity: 8, allocated: 6 },
      { qualified: true, missingSkills: [], inZone: true, overload: false },
    ],
    [
      'qualified, in zone, over capacity',
      1,
      { capacity: 8, allocated: 6.5 },
      { qualified: true, missingSkills: [], inZone: true, overload: true },
    ],
    [
      'missing a skill, out of zone',
      2,
      { capacity: 8, allocated: 0 },
      { qualified: false, missingSkills: ['gas'], inZone: false, overload: false },
    ],
    [
      'qualified, out of zone, a day off',
      3,
      { capacity: 0, allocated: 0 },
      { qualified: true, missingSkills: [], inZone: false, overload: true },
    ],
  ])('%s', (_what, technicianId, day, verdict) => {
    expect(dropVerdict(line, technicianId, day)).toEqual(verdict);
  });
});
