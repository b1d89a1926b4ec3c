import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import type { OutboundSupportItem, SupportUpdate } from './network-adapter';

/** How long the demo operator takes to pick up a case, and to answer it. */
export const DEMO_TAKE_AFTER_MS = 10 * 60_000;
export const DEMO_ANSWER_AFTER_MS = 2 * 60 * 60_000;
/** A commercial or administrative case goes to another team this long after it arrives. */
export const DEMO_TRANSFER_AFTER_MS = 30 * 60_000;
/** A case the shop closed before it was answered is reopened this long after, to check it really is solved. */
export const DEMO_REOPEN_AFTER_MS = 30 * 60_000;

const ANSWERS: Record<string, string> = {
  'demo-it':
    'Buongiorno, abbiamo verificato la sua segnalazione e la situazione è stata risolta. Se il problema si ripresenta, risponda a questo messaggio.',
  'demo-fr': 'Bonjour, nous avons vérifié votre demande et la situation est résolue. Si le problème revient, répondez à ce message.',
};
const DEFAULT_ANSWER = 'Hello, we have checked your request and it has been resolved. If the problem comes back, reply to this message.';

interface TaskRow {
  id: number;
  case_ref: string;
  action: 'take' | 'transfer' | 'answer' | 'reopen';
  due_at: number;
}

/**
 * The demo network's operator, so every case state can be seen in training:
 * it takes a case some minutes after it arrives and answers it later. Its
 * plan is stored in SQLite with the time each step is due, so it survives a
 * restart and moves only with the app's clock.
 */
export class DemoOperatorDesk {
  constructor(private readonly db: Database) {}

  receive(networkId: string, items: readonly OutboundSupportItem[]): void {
    const insert = sql(this.db, 'INSERT INTO demo_operator_tasks (network_id, case_ref, action, due_at) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const item of items) {
        if (item.kind === 'callback') continue;
        if (item.kind === 'closed') {
          // Closed by the shop before any answer: the operator reopens it and answers.
          if (this.nextDueAt(networkId, item.caseRef) === undefined) continue;
          this.forget(networkId, item.caseRef);
          insert.run(networkId, item.caseRef, 'reopen', item.at + DEMO_REOPEN_AFTER_MS);
          insert.run(networkId, item.caseRef, 'answer', item.at + DEMO_ANSWER_AFTER_MS);
          continue;
        }
        insert.run(networkId, item.caseRef, 'take', item.at + DEMO_TAKE_AFTER_MS);
        if (item.kind === 'case' && item.requestType !== 'technical')
          insert.run(networkId, item.caseRef, 'transfer', item.at + DEMO_TRANSFER_AFTER_MS);
        insert.run(networkId, item.caseRef, 'answer', item.at + DEMO_ANSWER_AFTER_MS);
      }
    })();
  }

  /** The steps due at `now`, oldest first; each is handed out once. */
  due(networkId: string, now: number): SupportUpdate[] {
    return this.db.transaction(() => {
      const rows = sql<[string, number], TaskRow>(
        this.db,
        'SELECT id, case_ref, action, due_at FROM demo_operator_tasks WHERE network_id = ? AND due_at <= ? ORDER BY due_at, id',
      ).all(networkId, now);
      const remove = sql(this.db, 'DELETE FROM demo_operator_tasks WHERE id = ?');
      for (const row of rows) remove.run(row.id);
      return rows.map((row): SupportUpdate => ({
        // Row ids are reused once deleted; the step's case, action and time are not.
        id: `demo:${networkId}:${row.case_ref}:${row.action}:${row.due_at}`,
        caseRef: row.case_ref,
        kind: ({ take: 'taken', transfer: 'transferred', answer: 'answered', reopen: 'reopened' } as const)[row.action],
        body: row.action === 'answer' ? (ANSWERS[networkId] ?? DEFAULT_ANSWER) : undefined,
        at: row.due_at,
      }));
    })();
  }

  /** The next step due for this network (or for one of its cases). */
  nextDueAt(networkId: string, caseRef?: string): number | undefined {
    const row = caseRef
      ? sql<[string, string], { at: number | null }>(
          this.db,
          'SELECT min(due_at) AS at FROM demo_operator_tasks WHERE network_id = ? AND case_ref = ?',
        ).get(networkId, caseRef)
      : sql<[string], { at: number | null }>(this.db, 'SELECT min(due_at) AS at FROM demo_operator_tasks WHERE network_id = ?').get(
          networkId,
        );
    return row?.at ?? undefined;
  }

  private forget(networkId: string, caseRef: string): void {
    sql(this.db, 'DELETE FROM demo_operator_tasks WHERE network_id = ? AND case_ref = ?').run(networkId, caseRef);
  }
}
