import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import type { NetworkAdapter, OutboundSupportItem, SupportUpdate } from '../networks/network-adapter';
import { caseIdOf, caseNumber, type CaseRow } from './case-records';
import { moveCase } from './case-moves';
import { canMoveCase, type CaseActor, type CaseState } from './case-states';
import type { MessageKind } from './support-shapes';

/** Replies the shop wrote, and the closings the network must hear of: by the shop, or after 7 days without a reply. */
const OUTBOUND_MESSAGE = `(m.author = 'shop' OR m.kind IN ('closed-by-shop', 'auto-closed'))`;

/**
 * What travels between the shop and the network's operator: the cases,
 * replies, closings and call-back requests the shop stored (sent through the
 * network adapter, marked sent once the network took them) and the
 * operator's updates (applied once each).
 */
export class OperatorMailbox {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** How many cases, messages and call-back requests wait to be sent to this network. */
  pending(networkId: string): number {
    const n = (text: string) => sql<[string], { n: number }>(this.db, text).get(networkId)!.n;
    return (
      n('SELECT count(*) AS n FROM support_cases WHERE sent_at IS NULL AND network_id = ?') +
      n(`SELECT count(*) AS n FROM support_messages m JOIN support_cases c ON c.id = m.case_id WHERE m.sent_at IS NULL AND ${OUTBOUND_MESSAGE} AND c.network_id = ?
           AND m.id <> (SELECT min(id) FROM support_messages WHERE case_id = m.case_id)`) +
      n('SELECT count(*) AS n FROM support_callbacks WHERE sent_at IS NULL AND network_id = ?')
    );
  }

  /**
   * Sends what the shop wrote for this network (cases first, then replies,
   * then call-back requests) and marks it sent only once the network took it;
   * then applies the operator's updates that are due. A network that is down
   * leaves everything queued and throws.
   */
  async sync(networkId: string, adapter: NetworkAdapter): Promise<{ sent: number; applied: number }> {
    if (!adapter.pushSupport || !adapter.pullSupport) return { sent: 0, applied: 0 };
    const cases = sql<[string], CaseRow>(this.db, 'SELECT * FROM support_cases WHERE network_id = ? AND sent_at IS NULL ORDER BY id').all(
      networkId,
    );
    const firstMessages = new Set<number>();
    const items: OutboundSupportItem[] = [];
    for (const c of cases) {
      const first = sql<[number], { id: number }>(this.db, 'SELECT id FROM support_messages WHERE case_id = ? ORDER BY id LIMIT 1').get(
        c.id,
      );
      if (first) firstMessages.add(first.id);
      items.push({
        kind: 'case',
        caseRef: caseNumber(c.id),
        at: c.created_at,
        subject: c.subject,
        requestType: c.request_type,
        impact: c.impact,
        product: c.product,
        description: c.description,
        primaryEmail: c.primary_email,
        followUpOf: c.follow_up_of === null ? null : caseNumber(c.follow_up_of),
      });
    }
    const messages = sql<[string], { id: number; case_id: number; author: CaseActor; kind: MessageKind; body: string; created_at: number }>(
      this.db,
      `SELECT m.id, m.case_id, m.author, m.kind, m.body, m.created_at FROM support_messages m JOIN support_cases c ON c.id = m.case_id
       WHERE m.sent_at IS NULL AND ${OUTBOUND_MESSAGE} AND c.network_id = ? ORDER BY m.id`,
    ).all(networkId);
    for (const m of messages) {
      if (firstMessages.has(m.id)) continue;
      if (m.kind === 'closed-by-shop' || m.kind === 'auto-closed') {
        items.push({
          kind: 'closed',
          caseRef: caseNumber(m.case_id),
          at: m.created_at,
          reason: m.kind === 'auto-closed' ? 'no-reply' : 'shop',
        });
        continue;
      }
      const files = sql<[number], { file_name: string; mime_type: string; size_bytes: number }>(
        this.db,
        'SELECT file_name, mime_type, size_bytes FROM support_attachments WHERE message_id = ? ORDER BY id',
      ).all(m.id);
      items.push({
        kind: 'message',
        caseRef: caseNumber(m.case_id),
        messageRef: String(m.id),
        at: m.created_at,
        body: m.body,
        attachments: files.map((f) => ({ fileName: f.file_name, mimeType: f.mime_type, sizeBytes: f.size_bytes })),
      });
    }
    const callbacks = sql<[string], { id: number; phone: string; created_at: number }>(
      this.db,
      'SELECT id, phone, created_at FROM support_callbacks WHERE network_id = ? AND sent_at IS NULL ORDER BY id',
    ).all(networkId);
    for (const cb of callbacks) items.push({ kind: 'callback', callbackRef: String(cb.id), at: cb.created_at, phone: cb.phone });

    if (items.length > 0) {
      await adapter.pushSupport(networkId, items);
      const now = this.clock.now();
      this.db
        .transaction(() => {
          for (const c of cases) sql(this.db, 'UPDATE support_cases SET sent_at = ? WHERE id = ? AND sent_at IS NULL').run(now, c.id);
          // The first message travelled inside its case.
          for (const m of messages) sql(this.db, 'UPDATE support_messages SET sent_at = ? WHERE id = ? AND sent_at IS NULL').run(now, m.id);
          for (const cb of callbacks)
            sql(this.db, 'UPDATE support_callbacks SET sent_at = ? WHERE id = ? AND sent_at IS NULL').run(now, cb.id);
        })
        .immediate();
    }
    const updates = await adapter.pullSupport(networkId, this.clock.now());
    let applied = 0;
    for (const update of updates) if (this.apply(update)) applied++;
    return { sent: items.length, applied };
  }

  /** One operator update, applied once (its id is remembered) and only where the transition table allows it. */
  apply(update: SupportUpdate): boolean {
    const caseId = caseIdOf(update.caseRef);
    if (caseId === undefined) return false;
    return this.db
      .transaction(() => {
        const row = sql<[number], CaseRow>(this.db, 'SELECT * FROM support_cases WHERE id = ?').get(caseId);
        if (!row) return false;
        if (sql<[string], { id: number }>(this.db, 'SELECT id FROM support_messages WHERE remote_id = ?').get(update.id)) return false;
        const to: CaseState = {
          taken: 'in_progress',
          answered: 'answered',
          transferred: 'transferred',
          closed: 'closed',
          reopened: 'reopened',
        }[update.kind] as CaseState;
        if (!canMoveCase(row.state, to, 'operator')) return false;
        const now = this.clock.now();
        moveCase(this.db, caseId, to, 'operator', now);
        // An answer is a message; the operator's other moves are events of the case, with their note if any.
        const kind: MessageKind = update.kind === 'answered' ? 'message' : update.kind;
        sql(
          this.db,
          "INSERT INTO support_messages (case_id, author, kind, body, created_at, sent_at, remote_id) VALUES (?, 'operator', ?, ?, ?, ?, ?)",
        ).run(caseId, kind, update.body ?? '', now, now, update.id);
        return true;
      })
      .immediate();
  }
}
