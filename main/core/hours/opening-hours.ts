import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import type { SettingsRepository } from '../settings';
import { DAY_MS } from '../durations';
import { MAX_PLANNED_EXCEPTIONS, type HoursException, type HoursRule, type OpeningHoursInput, type TimeRange } from './hours-shapes';

/** After this long without anyone looking at the exceptions, the home screen reminds staff. */
export const REVIEW_INTERVAL_MS = 30 * DAY_MS;
const REVIEWED_AT_KEY = 'hours.reviewedAt';

/** A rule a save broke, with the field it belongs to: `week.<day>.<range>`, `exceptions.<i>.date`, `exceptions.<i>.ranges.<range>`, `exceptions`. */
export interface HoursIssue {
  field: string;
  rule: HoursRule;
}

export interface OpeningHours extends OpeningHoursInput {
  reviewedAt: number;
}

export interface TodayHours {
  date: string;
  /** 0 is Monday. */
  weekday: number;
  ranges: TimeRange[];
  exception: { kind: HoursException['kind']; note: string } | null;
  reviewedAt: number;
  /** When the reminder to review the exceptions shows (or showed). */
  reviewDueAt: number;
  reviewDue: boolean;
}

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The rules main applies before saving; an empty list means the hours can be saved. */
export function checkOpeningHours(input: OpeningHoursInput, today: string): HoursIssue[] {
  const issues: HoursIssue[] = [];
  const checkRanges = (ranges: readonly TimeRange[], prefix: string) => {
    ranges.forEach((range, i) => {
      if (minutes(range.closes) <= minutes(range.opens)) issues.push({ field: `${prefix}.${i}`, rule: 'closeBeforeOpen' });
    });
    const order = ranges.map((range, i) => ({ range, i })).sort((a, b) => minutes(a.range.opens) - minutes(b.range.opens));
    for (let k = 1; k < order.length; k++) {
      const before = order[k - 1]!;
      const current = order[k]!;
      if (minutes(current.range.opens) < minutes(before.range.closes)) {
        issues.push({ field: `${prefix}.${Math.max(before.i, current.i)}`, rule: 'overlap' });
      }
    }
  };
  input.week.forEach((ranges, day) => checkRanges(ranges, `week.${day}`));
  const seen = new Set<string>();
  input.exceptions.forEach((exception, i) => {
    if (seen.has(exception.date)) issues.push({ field: `exceptions.${i}.date`, rule: 'duplicateDate' });
    seen.add(exception.date);
    checkRanges(exception.ranges, `exceptions.${i}.ranges`);
  });
  const planned = input.exceptions.filter((e) => e.date >= today).length;
  if (planned > MAX_PLANNED_EXCEPTIONS) issues.push({ field: 'exceptions', rule: 'tooManyExceptions' });
  return issues;
}

/** The calendar date and weekday (Monday 0) of `at` in `timeZone`. */
export function localDay(at: number, timeZone: string): { date: string; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday'));
  return { date: `${part('year')}-${part('month')}-${part('day')}`, weekday };
}

/**
 * The shop's weekly hours and dated exceptions. A save is checked against
 * the rules, then written together with the store record for every network
 * (outbox) in one transaction: the networks learn every saved change, and a
 * refused save changes nothing.
 */
export class OpeningHoursService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: SettingsRepository,
    /** The store's zone (its profile): "today" is the shop's today. */
    private readonly timeZoneOf: () => string,
    /** Queues the store record, hours included, for every network, inside the save's transaction. */
    private readonly publish: (hours: OpeningHoursInput) => void,
  ) {
    // A new install counts as reviewed when it first opened, so the reminder starts 30 days later.
    settings.getOrCreate(REVIEWED_AT_KEY, () => String(clock.now()));
  }

  get timeZone(): string {
    return this.timeZoneOf();
  }

  get(): OpeningHours {
    const week: TimeRange[][] = [[], [], [], [], [], [], []];
    for (const row of sql<[], { weekday: number; opens: string; closes: string }>(
      this.db,
      'SELECT weekday, opens, closes FROM opening_hours_week ORDER BY weekday, position',
    ).all()) {
      week[row.weekday]!.push({ opens: row.opens, closes: row.closes });
    }
    const exceptions = sql<[], { date: string; kind: HoursException['kind']; note: string; ranges_json: string }>(
      this.db,
      'SELECT date, kind, note, ranges_json FROM opening_hours_exceptions ORDER BY date',
    )
      .all()
      .map((r) => ({ date: r.date, kind: r.kind, note: r.note, ranges: JSON.parse(r.ranges_json) as TimeRange[] }));
    return { week, exceptions, reviewedAt: this.reviewedAt() };
  }

  /** Saves the whole schedule if it keeps every rule; otherwise saves nothing and says what is wrong. */
  save(input: OpeningHoursInput): { issues: HoursIssue[]; hours: OpeningHours } {
    const now = this.clock.now();
    const today = localDay(now, this.timeZone).date;
    const issues = checkOpeningHours(input, today);
    if (issues.length > 0) return { issues, hours: this.get() };
    const sortRanges = (ranges: readonly TimeRange[]) => [...ranges].sort((a, b) => minutes(a.opens) - minutes(b.opens));
    this.db
      .transaction(() => {
        sql(this.db, 'DELETE FROM opening_hours_week').run();
        sql(this.db, 'DELETE FROM opening_hours_exceptions').run();
        const addRange = sql(this.db, 'INSERT INTO opening_hours_week (weekday, position, opens, closes) VALUES (?, ?, ?, ?)');
        input.week.forEach((ranges, day) => sortRanges(ranges).forEach((r, i) => addRange.run(day, i, r.opens, r.closes)));
        const addException = sql(this.db, 'INSERT INTO opening_hours_exceptions (date, kind, note, ranges_json) VALUES (?, ?, ?, ?)');
        for (const e of input.exceptions) addException.run(e.date, e.kind, e.note, JSON.stringify(sortRanges(e.ranges)));
        // Looking at the exceptions and saving them is a review.
        this.settings.set(REVIEWED_AT_KEY, String(now));
        this.publish(this.get());
      })
      .immediate();
    return { issues: [], hours: this.get() };
  }

  /** "Reviewed, nothing to change": restarts the 30 days. */
  markReviewed(): void {
    this.settings.set(REVIEWED_AT_KEY, String(this.clock.now()));
  }

  reviewedAt(): number {
    return Number(this.settings.get(REVIEWED_AT_KEY) ?? 0);
  }

  /** When the reminder to review the exceptions is due (the scheduler wakes the home screen then). */
  reviewDueAt(): number {
    return this.reviewedAt() + REVIEW_INTERVAL_MS;
  }

  today(): TodayHours {
    const now = this.clock.now();
    const { date, weekday } = localDay(now, this.timeZone);
    const hours = this.get();
    const exception = hours.exceptions.find((e) => e.date === date);
    const reviewedAt = hours.reviewedAt;
    const reviewDueAt = this.reviewDueAt();
    return {
      date,
      weekday,
      ranges: exception ? exception.ranges : hours.week[weekday]!,
      exception: exception ? { kind: exception.kind, note: exception.note } : null,
      reviewedAt,
      reviewDueAt,
      reviewDue: now >= reviewDueAt,
    };
  }
}
