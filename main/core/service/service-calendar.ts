import { localDay } from '../hours/opening-hours';
import type { TimeRange } from '../hours/hours-shapes';
import type { ServiceCalendar } from './service-shapes';
import { minutesOf, nextDate, weekdayOf, zonedInstant } from '../zoned-time-calc';

/** Without a calendar a response counts every hour of Monday to Friday. */
const ALL_DAY: TimeRange[] = [{ opens: '00:00', closes: '24:00' }];
export const WORKING_DAYS_CALENDAR: ServiceCalendar = { week: [ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, [], []], exceptions: [] };

/** How far ahead a response date may be searched; a calendar with no hours at all never answers. */
const MAX_DAYS = 3 * 366;

export function rangesOn(calendar: ServiceCalendar, date: string): readonly TimeRange[] {
  return calendar.exceptions.find((e) => e.date === date)?.ranges ?? calendar.week[weekdayOf(date)]!;
}

/**
 * When a response is due: `hours` counted from `from` only inside the
 * calendar's service hours, each range turned into real instants in the
 * shop's time zone (so a DST night is an hour shorter or longer).
 * Returns null when the calendar has no service hours within three years.
 */
export function responseDate(from: number, hours: number, calendar: ServiceCalendar, timeZone: string): number | null {
  let remaining = Math.round(hours * 3600_000);
  let date = localDay(from, timeZone).date;
  for (let day = 0; day < MAX_DAYS; day++, date = nextDate(date)) {
    const ranges = [...rangesOn(calendar, date)].sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
    for (const range of ranges) {
      const start = Math.max(from, zonedInstant(date, minutesOf(range.opens), timeZone));
      const end = zonedInstant(date, minutesOf(range.closes), timeZone);
      if (end <= start) continue;
      if (remaining === 0) return start;
      if (end - start >= remaining) return start + remaining;
      remaining -= end - start;
    }
  }
  return null;
}
