import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';

/** The task that must be finished before anything else, and since when. */
export type BlockingTask =
  | { kind: 'intake'; deliveryId: number; networkId: string; deadlineAt: number }
  | { kind: 'expired-scan'; noticeId: number; networkId: string; deadlineAt: number };

/** A deadline that is running: shown in the banner with its remaining time. */
export type RunningDeadline = BlockingTask;

/**
 * "Blocked" is a function of the database and the clock (README.md, Architecture,
 * "Time"): an intake window that passed with parcels unscanned, or an
 * expired-parcel scan window that passed with parcels left.
 */
export class Blocking {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Every deadline still open, overdue or not, earliest first. */
  deadlines(): RunningDeadline[] {
    const intakes = sql<[], { id: number; network_id: string; intake_deadline_at: number }>(
      this.db,
      `SELECT d.id, d.network_id, d.intake_deadline_at FROM deliveries d
         WHERE d.completed_at IS NULL AND d.intake_deadline_at IS NOT NULL
           AND EXISTS (SELECT 1 FROM parcels p WHERE p.delivery_id = d.id AND p.state = 'expected')`,
    )
      .all()
      .map((d): RunningDeadline => ({ kind: 'intake', deliveryId: d.id, networkId: d.network_id, deadlineAt: d.intake_deadline_at }));
    const notices = sql<[], { id: number; network_id: string; scan_deadline_at: number }>(
      this.db,
      'SELECT id, network_id, scan_deadline_at FROM expiry_notices WHERE completed_at IS NULL',
    )
      .all()
      .map((n): RunningDeadline => ({ kind: 'expired-scan', noticeId: n.id, networkId: n.network_id, deadlineAt: n.scan_deadline_at }));
    return [...intakes, ...notices].sort((a, b) => a.deadlineAt - b.deadlineAt);
  }

  /** The overdue task that blocks the counter, if any (the earliest one first). */
  current(now = this.clock.now()): BlockingTask | undefined {
    return this.deadlines().find((d) => d.deadlineAt <= now);
  }

  /** The next time a running deadline falls due, for the scheduler to wake and tell the renderer. */
  nextDeadlineAt(now = this.clock.now()): number | undefined {
    return this.deadlines().find((d) => d.deadlineAt > now)?.deadlineAt;
  }
}
