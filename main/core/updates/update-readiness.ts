import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { MINUTE_MS } from '../durations';
import type { OpeningHoursService } from '../hours/opening-hours';
import type { Blocking } from '../parcels/blocking';
import { minutesOf, zonedInstant } from '../zoned-time-calc';
import type { UpdateSituation } from './update-policy';

/**
 * A hand-over left open this long without being finished counts as abandoned: a customer who walked away
 * must not hold every update back for good.
 */
export const ABANDONED_FLOW_MS = 30 * MINUTE_MS;

export type CounterReadiness = Pick<UpdateSituation, 'openFlow' | 'runningDeadline' | 'insideOpeningHours'>;

/** What the counter is doing right now, as the update policy asks it: read from SQLite and the clock. */
export class UpdateReadiness {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly blocking: Pick<Blocking, 'deadlines'>,
    private readonly hours: Pick<OpeningHoursService, 'today' | 'timeZone'>,
  ) {}

  now(): CounterReadiness {
    const now = this.clock.now();
    return {
      openFlow: this.openFlow(now),
      runningDeadline: this.blocking.deadlines().length > 0,
      insideOpeningHours: this.insideOpeningHours(now),
    };
  }

  /** A customer's pickup or a driver's delivery started and not finished. */
  private openFlow(now: number): boolean {
    const since = now - ABANDONED_FLOW_MS;
    return (
      sql<[number, number], { open: number }>(
        this.db,
        `SELECT EXISTS (SELECT 1 FROM pickups WHERE completed_at IS NULL AND started_at > ?)
             OR EXISTS (SELECT 1 FROM deliveries WHERE completed_at IS NULL AND handed_over_at > ?) AS open`,
      ).get(since, since)!.open === 1
    );
  }

  private insideOpeningHours(now: number): boolean {
    const { date, ranges } = this.hours.today();
    const at = (time: string) => zonedInstant(date, minutesOf(time), this.hours.timeZone);
    return ranges.some((range) => at(range.opens) <= now && now < at(range.closes));
  }
}
