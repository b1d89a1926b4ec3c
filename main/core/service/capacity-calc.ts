import type { TimeRange } from '../hours/hours-shapes';
import { minutesOf, weekdayOf } from '../zoned-time-calc';

export interface Absence {
  date: string;
  /** Hours away that day; null means the whole day. */
  hours: number | null;
}

/** Hours a weekly template gives on a date, less any absence (never below zero). */
export function capacityOn(week: readonly (readonly TimeRange[])[], absences: readonly Absence[], date: string): number {
  const template = week[weekdayOf(date)]!.reduce((sum, r) => sum + (minutesOf(r.closes) - minutesOf(r.opens)) / 60, 0);
  const away = absences.filter((a) => a.date === date);
  if (away.some((a) => a.hours === null)) return 0;
  return Math.max(0, template - away.reduce((sum, a) => sum + (a.hours ?? 0), 0));
}

/** A technician-day's load: what is allocated against what the day holds. */
export interface DayLoad {
  capacity: number;
  allocated: number;
}

export const freeHours = (load: DayLoad): number => Math.max(0, load.capacity - load.allocated);

/** Whether adding `hours` would take the day past its capacity. */
export const wouldOverload = (load: DayLoad, hours: number): boolean => load.allocated + hours > load.capacity + 1e-9;
