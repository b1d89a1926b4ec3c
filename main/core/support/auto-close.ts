import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { moveCase } from './case-moves';

/** The 7-day auto-close of answered cases, at the time stored with each case. */
export class CaseAutoClose {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  nextAt(): number | undefined {
    return (
      sql<[], { at: number | null }>(this.db, "SELECT min(auto_close_at) AS at FROM support_cases WHERE state = 'answered'").get()?.at ??
      undefined
    );
  }

  /** Closes every answered case whose 7 days without a reply have run out at `now`. Returns how many. */
  sweep(now = this.clock.now()): number {
    return this.db
      .transaction(() => {
        const due = sql<[number], { id: number; auto_close_at: number }>(
          this.db,
          "SELECT id, auto_close_at FROM support_cases WHERE state = 'answered' AND auto_close_at <= ? ORDER BY auto_close_at",
        ).all(now);
        for (const row of due) {
          moveCase(this.db, row.id, 'closed', 'system', now);
          // Left unsent: the operator's desk learns the case closed without a reply.
          sql(
            this.db,
            "INSERT INTO support_messages (case_id, author, kind, body, created_at) VALUES (?, 'system', 'auto-closed', '', ?)",
          ).run(row.id, now);
        }
        return due.length;
      })
      .immediate();
  }
}
