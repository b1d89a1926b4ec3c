import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutesOf, nextDate, weekdayOf, zonedInstant } from '../../../main/core/zoned-time-calc';

const iso = (at: number) => new Date(at).toISOString();
const dates = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('zoned time', () => {
  it('puts a wall-clock time of a date at its instant in the zone, summer and winter', () => {
    expect(iso(zonedInstant('2026-01-15', 9 * 60, 'Europe/Rome'))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(zonedInstant('2026-07-15', 9 * 60, 'Europe/Rome'))).toBe('2026-07-15T07:00:00.000Z');
    expect(iso(zonedInstant('2026-07-15', 9 * 60, 'America/Martinique'))).toBe('2026-07-15T13:00:00.000Z');
  });

  it('moves a time the clocks skip past the jump, and takes the first of a time that happens twice', () => {
    // Rome springs forward at 02:00 on 29 March 2026: 02:30 does not exist and reads as 03:30.
    expect(iso(zonedInstant('2026-03-29', 150, 'Europe/Rome'))).toBe('2026-03-29T01:30:00.000Z');
    // Rome falls back at 03:00 on 25 October 2026: 02:30 happens in summer time first.
    expect(iso(zonedInstant('2026-10-25', 150, 'Europe/Rome'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant('2026-10-25', 24 * 60, 'Europe/Rome'))).toBe('2026-10-25T23:00:00.000Z');
  });

  it('in UTC is the date at midnight plus the minutes', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 24 * 60 }), (date, minutes) => {
        expect(zonedInstant(date, minutes, 'UTC')).toBe(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000);
      }),
    );
  });

  it('counts calendar dates across months, leap days and years', () => {
    expect(nextDate('2024-02-28')).toBe('2024-02-29');
    expect(nextDate('2023-02-28')).toBe('2023-03-01');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(nextDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(nextDate('2026-11-30', 7)).toBe('2026-12-07');
  });

  it('names weekdays Monday 0 to Sunday 6, moving on with the date', () => {
    expect(weekdayOf('2024-01-01')).toBe(0);
    expect(weekdayOf('2024-01-07')).toBe(6);
    fc.assert(
      fc.property(dates, fc.integer({ min: -400, max: 400 }), (date, days) => {
        expect(weekdayOf(nextDate(date, days))).toBe((((weekdayOf(date) + days) % 7) + 7) % 7);
      }),
    );
  });

  it('reads HH:MM as minutes after midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('24:00')).toBe(1440);
  });
});
