import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { actingStaffId } from '../staff/acting-staff';
import { CoreError } from '../errors';
import { checkAttachments, type AttachmentInput, type AttachmentStore } from './attachments';
import { caseNumber, caseRow, readCase, type SupportCase } from './case-records';
import { moveCase } from './case-moves';
import { assertCaseMove, type CaseActor } from './case-states';
import type { MessageKind } from './support-shapes';

export interface CaseMessage {
  id: number;
  author: CaseActor;
  /** A text someone wrote, or an event of the case (then the body is empty or a note). */
  kind: MessageKind;
  body: string;
  createdAt: number;
  sentAt: number | null;
  attachments: { id: number; fileName: string; mimeType: string; sizeBytes: number }[];
}

/** A case's messages and their files: reading them, and the shop's replies. */
export class CaseCorrespondence {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly files: AttachmentStore,
  ) {}

  messages(caseId: number): CaseMessage[] {
    caseRow(this.db, caseId);
    const messages = sql<
      [number],
      { id: number; author: CaseActor; kind: MessageKind; body: string; created_at: number; sent_at: number | null }
    >(this.db, 'SELECT id, author, kind, body, created_at, sent_at FROM support_messages WHERE case_id = ? ORDER BY created_at, id').all(
      caseId,
    );
    const files = sql<[number], { id: number; message_id: number; file_name: string; mime_type: string; size_bytes: number }>(
      this.db,
      `SELECT a.id, a.message_id, a.file_name, a.mime_type, a.size_bytes FROM support_attachments a
       JOIN support_messages m ON m.id = a.message_id WHERE m.case_id = ? ORDER BY a.id`,
    ).all(caseId);
    return messages.map((m) => ({
      id: m.id,
      author: m.author,
      kind: m.kind,
      body: m.body,
      createdAt: m.created_at,
      sentAt: m.sent_at,
      attachments: files
        .filter((f) => f.message_id === m.id)
        .map((f) => ({ id: f.id, fileName: f.file_name, mimeType: f.mime_type, sizeBytes: f.size_bytes })),
    }));
  }

  /**
   * A message from the shop, with up to three files. The files are checked
   * first, copied into the data folder, then the rows are written in one
   * transaction; if anything fails the copies are removed again.
   */
  reply(caseId: number, body: string, files: readonly AttachmentInput[] = []): SupportCase {
    const current = caseRow(this.db, caseId);
    if (current.state === 'closed') assertCaseMove(caseNumber(caseId), 'closed', 'reopened', 'shop');
    return this.writeReply(caseId, body, checkAttachments(files));
  }

  /**
   * A reply carrying a file main made itself (the diagnostics zip), not a staff member's upload: it is not
   * held to the upload rules (types, 1 MiB), which exist for files that come from outside.
   */
  replyWithGeneratedFile(caseId: number, body: string, file: AttachmentInput): SupportCase {
    return this.writeReply(caseId, body, [file]);
  }

  private writeReply(caseId: number, body: string, checked: readonly AttachmentInput[]): SupportCase {
    const written: { stored: string; file: AttachmentInput }[] = [];
    try {
      for (const file of checked) written.push({ stored: this.files.write(file.bytes, file.fileName), file });
      const now = this.clock.now();
      this.db
        .transaction(() => {
          const state = caseRow(this.db, caseId).state;
          if (state === 'closed') assertCaseMove(caseNumber(caseId), 'closed', 'reopened', 'shop');
          const messageId = Number(
            sql(this.db, "INSERT INTO support_messages (case_id, author, body, created_at, actor_id) VALUES (?, 'shop', ?, ?, ?)").run(
              caseId,
              body,
              now,
              actingStaffId(),
            ).lastInsertRowid,
          );
          const attach = sql(
            this.db,
            'INSERT INTO support_attachments (message_id, file_name, mime_type, size_bytes, stored_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          );
          for (const { stored, file } of written) attach.run(messageId, file.fileName, file.mimeType, file.bytes.length, stored, now);
          // A reply to an answer hands the case back to the operator and stops the 7-day clock.
          if (state === 'answered') moveCase(this.db, caseId, 'awaiting_operator', 'shop', now);
          else sql(this.db, 'UPDATE support_cases SET updated_at = ? WHERE id = ?').run(now, caseId);
        })
        .immediate();
    } catch (error) {
      for (const { stored } of written) this.files.remove(stored);
      throw error;
    }
    return readCase(this.db, caseId);
  }

  attachment(id: number): { fileName: string; mimeType: string; bytes: Buffer } {
    const row = sql<[number], { file_name: string; mime_type: string; stored_name: string }>(
      this.db,
      'SELECT file_name, mime_type, stored_name FROM support_attachments WHERE id = ?',
    ).get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No attachment ${id}`);
    return { fileName: row.file_name, mimeType: row.mime_type, bytes: this.files.read(row.stored_name) };
  }
}
