import { describe, expect, it } from 'vitest';
import type { ServiceCalendar } from '../../../../main/core/service/service-shapes';
import { responseDate, WORKING_DAYS_CALENDAR } from '../../../../main/core/service/service-calendar';

const ROME = 'Europe/Rome';
const nineToSix = [{ opens: '09:00', closes: '18:00' }];
const split = [
  { opens: '08:30', closes: '12:30' },
  { opens: '14:00', closes: '18:00' },
];
/** Monday to Friday 09:00–18:00, Saturday morning, closed Sunday; 8 and 25 December are holidays, 24 December closes at noon. */
const calendar: ServiceCalendar = {
  week: [nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, [{ opens: '09:00', closes: '13:00' }], []],
  exceptions: [
    { date: '2026-12-08', kind: 'holiday', note: 'Immacolata', ranges: [] },
    { date: '2026-12-24', kind: 'closure', note: 'Vigilia', ranges: [{ opens: '09:00', closes: '12:00' }] },
    { date: '2026-12-25', kind: 'holiday', note: 'Natale', ranges: [] },
  ],
};
const splitWeek: ServiceCalendar = { week: [split, split, split, split, split, [], []], exceptions: [] };
/** Wall time in Rome as an ISO string with its offset, so each row reads as the shop sees it. */
const rome = (iso: string) => Date.parse(iso);

describe('response date counted inside service hours', () => {
  it.each([
    // [what, calendar, order taken at, response hours, due]
    ['inside hours, same day', calendar, '2026-12-01T10:00:00+01:00', 4, '2026-12-01T14:00:00+01:00'],
    ['runs into the next morning', calendar, '2026-12-01T16:00:00+01:00', 4, '2026-12-02T11:00:00+01:00'],
    ['taken before opening counts from opening', calendar, '2026-12-01T06:30:00+01:00', 2, '2026-12-01T11:00:00+01:00'],
    ['taken after closing counts from the next opening', calendar, '2026-12-01T20:00:00+01:00', 2, '2026-12-02T11:00:00+01:00'],
    ['Friday evening goes over the short Saturday', calendar, '2026-12-04T17:00:00+01:00', 6, '2026-12-07T10:00:00+01:00'],
    ['taken on Sunday counts from Monday', calendar, '2026-12-06T11:00:00+01:00', 3, '2026-12-07T12:00:00+01:00'],
    ['a holiday is skipped', calendar, '2026-12-07T17:00:00+01:00', 2, '2026-12-09T10:00:00+01:00'],
    ['a short exception day counts only its hours', calendar, '2026-12-24T10:00:00+01:00', 3, '2026-12-26T10:00:00+01:00'],
    ['lunch break does not count', splitWeek, '2026-12-01T11:30:00+01:00', 2, '2026-12-01T15:00:00+01:00'],
    ['ending exactly at closing stays that day', calendar, '2026-12-01T09:00:00+01:00', 9, '2026-12-01T18:00:00+01:00'],
    ['exactly at closing moves to the next day', calendar, '2026-12-01T18:00:00+01:00', 1, '2026-12-02T10:00:00+01:00'],
    // DST: the night the clocks go forward is an hour shorter, the night they go back an hour longer.
    [
      'spring forward with a 24 h calendar',
      { week: Array(7).fill([{ opens: '00:00', closes: '24:00' }]), exceptions: [] },
      '2026-03-29T00:00:00+01:00',
      24,
      '2026-03-30T01:00:00+02:00',
    ],
    [
      'fall back with a 24 h calendar',
      { week: Array(7).fill([{ opens: '00:00', closes: '24:00' }]), exceptions: [] },
      '2026-10-25T00:00:00+02:00',
      24,
      '2026-10-25T23:00:00+01:00',
    ],
    ['service hours across a DST weekend keep wall times', calendar, '2026-03-27T17:00:00+01:00', 6, '2026-03-30T10:00:00+02:00'],
    // Without a calendar: every hour of Monday to Friday.
    ['no calendar, weekday', WORKING_DAYS_CALENDAR, '2026-12-01T10:00:00+01:00', 24, '2026-12-02T10:00:00+01:00'],
    ['no calendar, Friday skips the weekend', WORKING_DAYS_CALENDAR, '2026-12-04T10:00:00+01:00', 24, '2026-12-07T10:00:00+01:00'],
    ['no calendar, taken on Saturday', WORKING_DAYS_CALENDAR, '2026-12-05T10:00:00+01:00', 24, '2026-12-08T00:00:00+01:00'],
  ] as const)('%s', (_what, cal, at, hours, due) => {
    expect(new Date(responseDate(rome(at), hours, cal as ServiceCalendar, ROME)!).toISOString()).toBe(new Date(rome(due)).toISOString());
  });

  it('answers null for a calendar without any hours', () => {
    expect(responseDate(rome('2026-12-01T10:00:00+01:00'), 1, { week: [[], [], [], [], [], [], []], exceptions: [] }, ROME)).toBeNull();
  });

  it('counts wall-clock hours in the shop zone, not the machine zone', () => {
    const at = Date.parse('2026-12-01T08:00:00Z');
    expect(new Date(responseDate(at, 1, calendar, 'America/New_York')!).toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });
});
