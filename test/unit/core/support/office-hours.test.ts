import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS } from '../../../../main/core/support/office-hours';
import { openTestCore } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();

describe("the operator's office hours", () => {
  it('are Monday to Friday, 09:00 to 18:00, until the shop sets them', () => {
    const { core } = openTestCore(tempDir());
    expect(core.support.officeHours()).toEqual({ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' });
    core.close();
  });

  it('keep the days once each, in week order, and survive a restart', () => {
    const dir = tempDir();
    const first = openTestCore(dir).core;
    expect(first.support.setOfficeHours({ days: [6, 1, 3, 1], from: '08:30', to: '12:30' })).toEqual({
      days: [1, 3, 6],
      from: '08:30',
      to: '12:30',
    });
    first.close();
    const reopened = openTestCore(dir).core;
    expect(reopened.support.officeHours()).toEqual({ days: [1, 3, 6], from: '08:30', to: '12:30' });
    reopened.close();
  });

  it('refuse an end at or before the start, on the end field, and keep what was set', () => {
    const { core } = openTestCore(tempDir());
    for (const to of ['09:00', '08:59']) {
      expect(() => core.support.setOfficeHours({ days: [1], from: '09:00', to })).toThrow(
        expect.objectContaining({
          code: 'BAD_INPUT',
          issues: [{ field: 'to', reason: 'endsBeforeStart' }],
        }),
      );
    }
    expect(core.support.officeHours()).toEqual(DEFAULT_OFFICE_HOURS);
    expect(core.support.setOfficeHours({ days: [1], from: '09:00', to: '09:01' }).to).toBe('09:01');
    core.close();
  });
});
