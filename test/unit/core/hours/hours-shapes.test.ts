import { describe, expect, it } from 'vitest';
import { dateSchema, hoursExceptionSchema, openingHoursInputSchema, timeSchema } from '../../../../main/core/hours/hours-shapes';
import { localDay } from '../../../../main/core/hours/opening-hours';

describe('what main takes as opening hours', () => {
  it('takes a time from 00:00 to 23:59, and 24:00 for a shop closing at midnight', () => {
    for (const time of ['00:00', '09:05', '19:59', '20:00', '23:59', '24:00']) expect(timeSchema.safeParse(time).success, time).toBe(true);
    for (const time of [
      '24:01',
      '25:00',
      '12:60',
      '9:00',
      '09:0',
      '0900',
      ' 09:00',
      '09:00 ',
      'x09:00',
      '09:00x',
      '24:00x',
      '24:000',
      '24:00\n',
      '09:00\n24:00',
      'ab:cd',
      '',
    ])
      expect(timeSchema.safeParse(time).success, JSON.stringify(time)).toBe(false);
  });

  it('takes a real calendar date only', () => {
    for (const date of ['2026-11-24', '2024-02-29', '2026-12-31']) expect(dateSchema.safeParse(date).success, date).toBe(true);
    for (const date of [
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-00-10',
      '26-11-24',
      '2026-11-24T00:00',
      ' 2026-11-24',
      '2026-1-24',
      'x2026-11-24',
      '2026-11-24x',
      '2026-11-245',
      '1900-02-29',
      '',
    ])
      expect(dateSchema.safeParse(date).success, JSON.stringify(date)).toBe(false);
  });

  it('takes a holiday or a closure with a trimmed note, and a week of seven days', () => {
    expect(hoursExceptionSchema.parse({ date: '2026-12-25', kind: 'holiday', note: '  Natale ', ranges: [] })).toEqual({
      date: '2026-12-25',
      kind: 'holiday',
      note: 'Natale',
      ranges: [],
    });
    expect(
      hoursExceptionSchema.safeParse({ date: '2026-12-26', kind: 'closure', note: '', ranges: [{ opens: '09:00', closes: '12:00' }] })
        .success,
    ).toBe(true);
    expect(hoursExceptionSchema.safeParse({ date: '2026-12-26', kind: 'strike', note: '', ranges: [] }).success).toBe(false);
    expect(hoursExceptionSchema.safeParse({ date: '2026-12-26', kind: 'closure', note: 'x'.repeat(201), ranges: [] }).success).toBe(false);
    const day = [{ opens: '09:00', closes: '12:00' }];
    expect(openingHoursInputSchema.safeParse({ week: [day, day, [], [], [], [], []], exceptions: [] }).success).toBe(true);
    expect(openingHoursInputSchema.safeParse({ week: [day, [], [], [], [], []], exceptions: [] }).success).toBe(false);
    expect(openingHoursInputSchema.safeParse({ week: [Array(9).fill(day[0]), [], [], [], [], [], []], exceptions: [] }).success).toBe(
      false,
    );
  });
});

describe("the shop's day", () => {
  it('names each day of a week, Monday 0, in the store’s time zone', () => {
    const monday = Date.UTC(2026, 10, 23, 12);
    const days = Array.from({ length: 7 }, (_, i) => localDay(monday + i * 86_400_000, 'UTC'));
    expect(days).toEqual([
      { date: '2026-11-23', weekday: 0 },
      { date: '2026-11-24', weekday: 1 },
      { date: '2026-11-25', weekday: 2 },
      { date: '2026-11-26', weekday: 3 },
      { date: '2026-11-27', weekday: 4 },
      { date: '2026-11-28', weekday: 5 },
      { date: '2026-11-29', weekday: 6 },
    ]);
  });

  it('is already Tuesday in Rome at 23:30 UTC on Monday, still Monday in New York', () => {
    const late = Date.UTC(2026, 10, 23, 23, 30);
    expect(localDay(late, 'Europe/Rome')).toEqual({ date: '2026-11-24', weekday: 1 });
    expect(localDay(late, 'America/New_York')).toEqual({ date: '2026-11-23', weekday: 0 });
  });
});
