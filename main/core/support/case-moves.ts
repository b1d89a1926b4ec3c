import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import { DAY_MS } from '../durations';
import { caseNumber, caseRow } from './case-records';
import { assertCaseMove, type CaseActor, type CaseState } from './case-states';

/** An answered case the shop leaves without a reply for this long closes itself (docs/rules.md, Support). */
export const AUTO_CLOSE_AFTER_MS = 7 * DAY_MS;

/**
 * Moves a case through the one transition table and keeps its times: an
 * answer starts the auto-close clock, any other move stops it, a close is
 * dated. Runs inside the caller's transaction.
 */
export function moveCase(db: Database, caseId: number, to: CaseState, actor: CaseActor, now: number): void {
  const current = caseRow(db, caseId);
  assertCaseMove(caseNumber(caseId), current.state, to, actor);
  const answered = to === 'answered';
  sql(
    db,
    `UPDATE support_cases SET state = ?, updated_at = ?,
       answered_at = CASE WHEN ? THEN ? ELSE answered_at END,
       auto_close_at = ?,
       closed_at = CASE WHEN ? = 'closed' THEN ? ELSE NULL END
     WHERE id = ?`,
  ).run(to, now, answered ? 1 : 0, now, answered ? now + AUTO_CLOSE_AFTER_MS : null, to, now, caseId);
}
