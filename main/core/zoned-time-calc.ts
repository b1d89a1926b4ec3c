/** Offset of `timeZone` from UTC at instant `at`, in ms (positive east of Greenwich). */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant of the wall-clock time `minutes` after midnight of `date` in
 * `timeZone`. A time the clocks skip (spring forward) maps to the instant the
 * same distance after the jump; a time that happens twice takes the first.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
  const first = wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone);
  const earlier = wall - offsetAt(first - 3 * 3600_000, timeZone);
  // Both candidates read back as the same wall time when the hour repeats: take the earlier.
  return wallMinutes(earlier, timeZone) === wallMinutes(first, timeZone) && earlier < first ? earlier : first;
}

function wallMinutes(at: number, timeZone: string): number {
  return Math.round((at + offsetAt(at, timeZone)) / 60_000);
}

/** The calendar date after `date` (YYYY-MM-DD). */
export function nextDate(date: string, days = 1): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Monday 0 … Sunday 6 of a calendar date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
