import { describe, expect, it } from 'vitest';
import { caseIdOf, caseNumber } from '../../../../main/core/support/case-records';

describe('case references', () => {
  it('name a case by "CS-" and six digits, and read back to its ID', () => {
    expect(caseNumber(12)).toBe('CS-000012');
    expect(caseIdOf(caseNumber(12))).toBe(12);
    expect(caseIdOf('CS-1234567')).toBe(1234567);
  });

  it('read nothing from text that only contains a reference', () => {
    for (const ref of ['XCS-000012', 'CS-000012 ', 'CS-000012x', 'cs-000012', 'CS-', 'Re: CS-000012'])
      expect(caseIdOf(ref), ref).toBeUndefined();
  });
});
