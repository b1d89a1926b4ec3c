import type { Database } from 'better-sqlite3';
import { toSpreadsheetCsv } from '../spreadsheet-csv';
import parsePhoneNumber, { type CountryCode } from 'libphonenumber-js';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { DAY_MS } from '../durations';
import { CoreError } from '../errors';
import type { NetworkAdapter, OutboundSupportItem, SupportUpdate } from '../networks/network-adapter';
import type { NetworkRepository } from '../networks/network-repository';
import type { SettingsRepository } from '../settings';
import { AttachmentStore, checkAttachments, type AttachmentInput } from './attachments';
import { type CaseSortKey, type MessageKind, type Impact, type Product, type RequestType } from './support-shapes';
import { assertCaseMove, CASE_GROUPS, canMoveCase, type CaseActor, type CaseGroup, type CaseState } from './case-states';
import { actingStaffId } from '../staff/acting-staff';

/** An answered case the shop leaves without a reply for this long closes itself (docs/rules.md, Support). */
export const AUTO_CLOSE_AFTER_MS = 7 * DAY_MS;
/** Closed cases stay in the default case log view for this long ("recently resolved"). */
export const RECENTLY_RESOLVED_MS = 30 * DAY_MS;
/** Replies the shop wrote, and the closings the network must hear of: by the shop, or after 7 days without a reply. */
const OUTBOUND_MESSAGE = `(m.author = 'shop' OR m.kind IN ('closed-by-shop', 'auto-closed'))`;


export interface OfficeHours {
  /** ISO weekdays the operator works (1 = Monday … 7 = Sunday). */
  days: number[];
  /** "HH:MM", local time of the operator. */
  from: string;
  to: string;
}
export const DEFAULT_OFFICE_HOURS: OfficeHours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
const OFFICE_HOURS_KEY = 'support.officeHours';

export interface Collaborator {
  id: number;
  name: string;
  email: string;
}

export interface NewCase {
  networkId: string;
  subject: string;
  /** Required when the shop has collaborators; absent when the list is empty (name and email go in the description). */
  collaboratorId?: number;
  /** Used as the owner's email when there is no collaborator list. */
  email?: string;
  product: Product;
  requestType: RequestType;
  impact: Impact;
  description: string;
  followUpOf?: number;
}

export interface CaseRow {
  id: number;
  network_id: string;
  subject: string;
  collaborator_id: number | null;
  product: Product;
  request_type: RequestType;
  impact: Impact;
  description: string;
  short_description: string;
  primary_email: string;
  cc_json: string;
  state: CaseState;
  follow_up_of: number | null;
  created_at: number;
  updated_at: number;
  answered_at: number | null;
  auto_close_at: number | null;
  closed_at: number | null;
  sent_at: number | null;
}

export interface SupportCase {
  id: number;
  number: string;
  networkId: string;
  subject: string;
  collaboratorId: number | null;
  product: Product;
  requestType: RequestType;
  impact: Impact;
  description: string;
  shortDescription: string;
  primaryEmail: string;
  cc: string[];
  state: CaseState;
  followUpOf: { id: number; number: string } | null;
  createdAt: number;
  updatedAt: number;
  answeredAt: number | null;
  autoCloseAt: number | null;
  closedAt: number | null;
  sentAt: number | null;
}

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

export interface CaseFilter {
  /** Only cases in one of these states. */
  states?: CaseState[];
  /** Part of the case ID ("CS-000012" or "12"). */
  caseNumber?: string;
  email?: string;
  /** Words in the short description or the description. */
  description?: string;
  createdFrom?: number;
  /** Exclusive. */
  createdTo?: number;
  /** Also closed cases older than RECENTLY_RESOLVED_MS (the default shows open and recently resolved ones). */
  includeOld?: boolean;
}

export interface CaseQuery {
  filter?: CaseFilter;
  sort?: { by: CaseSortKey; direction: 'asc' | 'desc' };
  page?: number;
  pageSize?: number;
}

export interface CallbackRequest {
  id: number;
  networkId: string;
  phone: string;
  createdAt: number;
  sentAt: number | null;
}

/** "CS-000012": the case ID staff quote to the operator. */
export function caseNumber(id: number): string {
  return `CS-${String(id).padStart(6, '0')}`;
}
function caseIdOf(ref: string): number | undefined {
  const match = /^CS-(\d+)$/.exec(ref);
  return match ? Number(match[1]) : undefined;
}

const SORT_COLUMNS: Record<CaseSortKey, string> = {
  createdAt: 'created_at',
  number: 'id',
  state: 'state',
  email: 'primary_email COLLATE NOCASE',
  description: 'short_description COLLATE NOCASE',
};

/**
 * Support cases, call-back requests and the shop's collaborators
 * (docs/rules.md, Support). One model behind the ticket form and the case log. Every
 * change is stored first; `sync` sends what is unsent through the network
 * adapter and applies the operator's updates.
 */
export class SupportDesk {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly networks: NetworkRepository,
    private readonly settings: SettingsRepository,
    readonly attachments: AttachmentStore,
  ) {}

  // ── Collaborators and office hours (settings) ──

  collaborators(): Collaborator[] {
    return sql<[], Collaborator>(this.db, 'SELECT id, name, email FROM support_collaborators ORDER BY name COLLATE NOCASE, id').all();
  }

  addCollaborator(name: string, email: string): Collaborator[] {
    const exists = sql<[string], { id: number }>(this.db, 'SELECT id FROM support_collaborators WHERE email = ?').get(email.trim());
    if (exists) throw new CoreError('CONFLICT', `${email} is already in the collaborator list`);
    sql(this.db, 'INSERT INTO support_collaborators (name, email, created_at) VALUES (?, ?, ?)').run(name.trim(), email.trim(), this.clock.now());
    return this.collaborators();
  }

  removeCollaborator(id: number): Collaborator[] {
    const result = sql(this.db, 'DELETE FROM support_collaborators WHERE id = ?').run(id);
    if (result.changes === 0) throw new CoreError('NOT_FOUND', `No collaborator ${id}`);
    return this.collaborators();
  }

  officeHours(): OfficeHours {
    const stored = this.settings.get(OFFICE_HOURS_KEY);
    return stored ? (JSON.parse(stored) as OfficeHours) : DEFAULT_OFFICE_HOURS;
  }

  setOfficeHours(hours: OfficeHours): OfficeHours {
    if (hours.from >= hours.to) throw new CoreError('BAD_INPUT', 'Office hours must end after they start');
    const days = [...new Set(hours.days)].sort();
    this.settings.set(OFFICE_HOURS_KEY, JSON.stringify({ days, from: hours.from, to: hours.to }));
    return this.officeHours();
  }

  // ── Cases ──

  open(input: NewCase): SupportCase {
    const network = this.networks.get(input.networkId);
    const collaborators = this.collaborators();
    let email: string;
    let collaboratorId: number | null = null;
    if (collaborators.length > 0) {
      const person = collaborators.find((c) => c.id === input.collaboratorId);
      if (!person) throw new CoreError('BAD_INPUT', 'Choose the person who asks from the collaborator list');
      email = person.email;
      collaboratorId = person.id;
    } else {
      if (input.collaboratorId !== undefined) throw new CoreError('BAD_INPUT', 'There is no collaborator list: write your name and email in the description');
      // No collaborator list (docs/rules.md, Support): the person writes their name and email in the description.
      const found = input.email ?? /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}/.exec(input.description)?.[0];
      if (!found) throw new CoreError('BAD_INPUT', 'Write your name and email in the description: the operator answers to that email');
      email = found;
    }
    if (input.followUpOf !== undefined) {
      const previous = this.row(input.followUpOf);
      if (previous.state !== 'closed') throw new CoreError('CONFLICT', `Case ${caseNumber(previous.id)} is not closed: reply to it instead of opening a follow-up`);
    }
    const now = this.clock.now();
    const id = this.db.transaction(() => {
      const caseId = Number(
        sql(
          this.db,
          `INSERT INTO support_cases (network_id, subject, collaborator_id, product, request_type, impact, description, short_description,
             primary_email, state, follow_up_of, created_at, updated_at, opened_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
        ).run(network.id, input.subject, collaboratorId, input.product, input.requestType, input.impact, input.description, input.subject, email, input.followUpOf ?? null, now, now, actingStaffId())
          .lastInsertRowid,
      );
      // The description is the first message of the correspondence; it travels with the case.
      sql(this.db, "INSERT INTO support_messages (case_id, author, body, created_at, actor_id) VALUES (?, 'shop', ?, ?, ?)").run(caseId, input.description, now, actingStaffId());
      return caseId;
    }).immediate();
    return this.get(id);
  }

  get(id: number): SupportCase {
    return this.view(this.row(id));
  }

  messages(caseId: number): CaseMessage[] {
    this.row(caseId);
    const messages = sql<[number], { id: number; author: CaseActor; kind: MessageKind; body: string; created_at: number; sent_at: number | null }>(
      this.db,
      'SELECT id, author, kind, body, created_at, sent_at FROM support_messages WHERE case_id = ? ORDER BY created_at, id',
    ).all(caseId);
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
      attachments: files.filter((f) => f.message_id === m.id).map((f) => ({ id: f.id, fileName: f.file_name, mimeType: f.mime_type, sizeBytes: f.size_bytes })),
    }));
  }

  /**
   * A message from the shop, with up to three files. The files are checked
   * first, copied into the data folder, then the rows are written in one
   * transaction; if anything fails the copies are removed again.
   */
  reply(caseId: number, body: string, files: readonly AttachmentInput[] = []): SupportCase {
    const current = this.row(caseId);
    if (current.state === 'closed') assertCaseMove(caseNumber(caseId), 'closed', 'reopened', 'shop');
    const checked = checkAttachments(files);
    const written: { stored: string; file: AttachmentInput }[] = [];
    try {
      for (const file of checked) written.push({ stored: this.attachments.write(file.bytes, file.fileName), file });
      const now = this.clock.now();
      this.db.transaction(() => {
        const state = this.row(caseId).state;
        if (state === 'closed') assertCaseMove(caseNumber(caseId), 'closed', 'reopened', 'shop');
        const messageId = Number(
          sql(this.db, "INSERT INTO support_messages (case_id, author, body, created_at, actor_id) VALUES (?, 'shop', ?, ?, ?)").run(caseId, body, now, actingStaffId()).lastInsertRowid,
        );
        const attach = sql(
          this.db,
          'INSERT INTO support_attachments (message_id, file_name, mime_type, size_bytes, stored_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        );
        for (const { stored, file } of written) attach.run(messageId, file.fileName, file.mimeType, file.bytes.length, stored, now);
        // A reply to an answer hands the case back to the operator and stops the 7-day clock.
        if (state === 'answered') this.move(caseId, 'awaiting_operator', 'shop', now);
        else sql(this.db, 'UPDATE support_cases SET updated_at = ? WHERE id = ?').run(now, caseId);
      }).immediate();
    } catch (error) {
      for (const { stored } of written) this.attachments.remove(stored);
      throw error;
    }
    return this.get(caseId);
  }

  attachment(id: number): { fileName: string; mimeType: string; bytes: Buffer } {
    const row = sql<[number], { file_name: string; mime_type: string; stored_name: string }>(
      this.db,
      'SELECT file_name, mime_type, stored_name FROM support_attachments WHERE id = ?',
    ).get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No attachment ${id}`);
    return { fileName: row.file_name, mimeType: row.mime_type, bytes: this.attachments.read(row.stored_name) };
  }

  /** Edit (docs/rules.md, Support): the primary email (its person becomes the owner), the CC list and the short description. */
  edit(caseId: number, changes: { primaryEmail: string; cc: string[]; shortDescription: string }): SupportCase {
    const current = this.row(caseId);
    if (current.state === 'closed') throw new CoreError('CONFLICT', `Case ${caseNumber(caseId)} is closed and cannot be edited: open a follow-up instead`);
    const owner = sql<[string], { id: number }>(this.db, 'SELECT id FROM support_collaborators WHERE email = ?').get(changes.primaryEmail);
    const cc = [...new Set(changes.cc.map((e) => e.trim()).filter((e) => e && e.toLowerCase() !== changes.primaryEmail.toLowerCase()))];
    sql(this.db, 'UPDATE support_cases SET primary_email = ?, collaborator_id = ?, cc_json = ?, short_description = ?, updated_at = ? WHERE id = ?').run(
      changes.primaryEmail,
      owner?.id ?? null,
      JSON.stringify(cc),
      changes.shortDescription,
      this.clock.now(),
      caseId,
    );
    return this.get(caseId);
  }

  /** The shop marks a case resolved; the operator is told (a queued 'closed-by-shop' message). */
  close(caseId: number): SupportCase {
    this.db.transaction(() => {
      const now = this.clock.now();
      this.move(caseId, 'closed', 'shop', now);
      sql(this.db, "INSERT INTO support_messages (case_id, author, kind, body, created_at) VALUES (?, 'system', 'closed-by-shop', '', ?)").run(caseId, now);
    }).immediate();
    return this.get(caseId);
  }

  /** Any move by anyone, through the one transition table (the operator's moves come through `apply`). */
  transition(caseId: number, to: CaseState, actor: CaseActor): SupportCase {
    this.db.transaction(() => this.move(caseId, to, actor, this.clock.now())).immediate();
    return this.get(caseId);
  }

  private move(caseId: number, to: CaseState, actor: CaseActor, now: number): void {
    const current = this.row(caseId);
    assertCaseMove(caseNumber(caseId), current.state, to, actor);
    const answered = to === 'answered';
    sql(
      this.db,
      `UPDATE support_cases SET state = ?, updated_at = ?,
         answered_at = CASE WHEN ? THEN ? ELSE answered_at END,
         auto_close_at = ?,
         closed_at = CASE WHEN ? = 'closed' THEN ? ELSE NULL END
       WHERE id = ?`,
    ).run(to, now, answered ? 1 : 0, now, answered ? now + AUTO_CLOSE_AFTER_MS : null, to, now, caseId);
  }

  // ── The 7-day auto-close ──

  nextAutoCloseAt(): number | undefined {
    return sql<[], { at: number | null }>(this.db, "SELECT min(auto_close_at) AS at FROM support_cases WHERE state = 'answered'").get()?.at ?? undefined;
  }

  /** Closes every answered case whose 7 days without a reply have run out at `now`. Returns how many. */
  sweepAutoClose(now = this.clock.now()): number {
    return this.db.transaction(() => {
      const due = sql<[number], { id: number; auto_close_at: number }>(
        this.db,
        "SELECT id, auto_close_at FROM support_cases WHERE state = 'answered' AND auto_close_at <= ? ORDER BY auto_close_at",
      ).all(now);
      for (const row of due) {
        this.move(row.id, 'closed', 'system', now);
        // Left unsent: the operator's desk learns the case closed without a reply.
        sql(this.db, "INSERT INTO support_messages (case_id, author, kind, body, created_at) VALUES (?, 'system', 'auto-closed', '', ?)").run(row.id, now);
      }
      return due.length;
    }).immediate();
  }

  // ── The case log ──

  list(query: CaseQuery = {}): { items: SupportCase[]; total: number; page: number; pageSize: number; pages: number } {
    const pageSize = query.pageSize ?? 10;
    const { where, params } = this.whereOf(query.filter ?? {});
    const total = this.db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM support_cases WHERE ${where}`).get(params)!.n;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Math.max(1, query.page ?? 1), pages);
    const rows = this.db
      .prepare<Record<string, unknown>, CaseRow>(`SELECT * FROM support_cases WHERE ${where} ORDER BY ${this.orderOf(query.sort)} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: rows.map((r) => this.view(r)), total, page, pageSize, pages };
  }

  /** Every case the filter shows, on every page, in the same order: what the export writes. */
  filtered(filter: CaseFilter = {}, sort?: CaseQuery['sort']): SupportCase[] {
    const { where, params } = this.whereOf(filter);
    return this.db
      .prepare<Record<string, unknown>, CaseRow>(`SELECT * FROM support_cases WHERE ${where} ORDER BY ${this.orderOf(sort)}`)
      .all(params)
      .map((r) => this.view(r));
  }

  /** The summary of every case the filter shows, as CSV (docs/rules.md, Support: no message content, no CC). */
  exportCsv(filter: CaseFilter = {}, sort?: CaseQuery['sort']): { csv: string; count: number; fileName: string } {
    const cases = this.filtered(filter, sort);
    if (cases.length === 0) throw new CoreError('CONFLICT', 'No case is shown: there is nothing to export');
    // A description such as "=HYPERLINK(…)" stays text when the file is opened in a spreadsheet.
    const csv = toSpreadsheetCsv(
      ['created', 'case_id', 'state', 'primary_email', 'short_description', 'description'],
      cases.map((c) => [new Date(c.createdAt).toISOString(), c.number, c.state, c.primaryEmail, c.shortDescription, c.description]),
    );
    const day = new Date(this.clock.now()).toISOString().slice(0, 10);
    return { csv, count: cases.length, fileName: `support-cases-${day}.csv` };
  }

  counters(): Record<'all' | CaseGroup, number> {
    const rows = sql<[], { state: CaseState; n: number }>(this.db, 'SELECT state, count(*) AS n FROM support_cases GROUP BY state').all();
    const count = (states: readonly CaseState[]) => rows.filter((r) => states.includes(r.state)).reduce((n, r) => n + r.n, 0);
    return {
      all: rows.reduce((n, r) => n + r.n, 0),
      open: count(CASE_GROUPS.open),
      inProgress: count(CASE_GROUPS.inProgress),
      awaitingReply: count(CASE_GROUPS.awaitingReply),
      closed: count(CASE_GROUPS.closed),
    };
  }

  private whereOf(filter: CaseFilter): { where: string; params: Record<string, unknown> } {
    const clauses: string[] = ['1 = 1'];
    const params: Record<string, unknown> = {};
    if (filter.states && filter.states.length > 0) {
      clauses.push(`state IN (${filter.states.map((_, i) => `@state${i}`).join(', ')})`);
      filter.states.forEach((s, i) => (params[`state${i}`] = s));
    }
    if (filter.caseNumber?.trim()) {
      const digits = filter.caseNumber.trim().toUpperCase().replace(/^CS-?/, '');
      clauses.push(`printf('CS-%06d', id) LIKE @number ESCAPE '\\'`);
      params.number = `%${escapeLike(digits)}%`;
    }
    if (filter.email?.trim()) {
      clauses.push(`(primary_email LIKE @email ESCAPE '\\' OR cc_json LIKE @email ESCAPE '\\')`);
      params.email = `%${escapeLike(filter.email.trim())}%`;
    }
    if (filter.description?.trim()) {
      clauses.push(`(short_description LIKE @description ESCAPE '\\' OR description LIKE @description ESCAPE '\\' OR subject LIKE @description ESCAPE '\\')`);
      params.description = `%${escapeLike(filter.description.trim())}%`;
    }
    if (filter.createdFrom !== undefined) {
      clauses.push('created_at >= @createdFrom');
      params.createdFrom = filter.createdFrom;
    }
    if (filter.createdTo !== undefined) {
      clauses.push('created_at < @createdTo');
      params.createdTo = filter.createdTo;
    }
    if (!filter.includeOld) {
      clauses.push("(state <> 'closed' OR closed_at >= @recentSince)");
      params.recentSince = this.clock.now() - RECENTLY_RESOLVED_MS;
    }
    return { where: clauses.join(' AND '), params };
  }

  private orderOf(sort: CaseQuery['sort']): string {
    const by = sort?.by ?? 'createdAt';
    const direction = (sort?.direction ?? 'desc') === 'asc' ? 'ASC' : 'DESC';
    return `${SORT_COLUMNS[by]} ${direction}, id ${direction}`;
  }

  // ── Call-back requests ──

  /** A call-back request with a phone number that libphonenumber-js accepts as valid; stored, then sent. */
  requestCallback(phone: string, defaultCountry: CountryCode, networkId?: string): CallbackRequest {
    const parsed = parsePhoneNumber(phone, defaultCountry);
    if (!parsed || !parsed.isValid()) throw new CoreError('BAD_INPUT', `${phone} is not a valid phone number`);
    const network = networkId ? this.networks.get(networkId) : this.networks.list().find((n) => n.enabled);
    if (!network) throw new CoreError('NOT_FOUND', 'No network to send the request to');
    const id = Number(
      sql(this.db, 'INSERT INTO support_callbacks (network_id, phone, created_at, actor_id) VALUES (?, ?, ?, ?)').run(network.id, parsed.number, this.clock.now(), actingStaffId()).lastInsertRowid,
    );
    return this.callback(id);
  }

  callbacks(limit = 5): CallbackRequest[] {
    return sql<[number], { id: number }>(this.db, 'SELECT id FROM support_callbacks ORDER BY id DESC LIMIT ?')
      .all(limit)
      .map((r) => this.callback(r.id));
  }

  private callback(id: number): CallbackRequest {
    const row = sql<[number], { id: number; network_id: string; phone: string; created_at: number; sent_at: number | null }>(
      this.db,
      'SELECT * FROM support_callbacks WHERE id = ?',
    ).get(id)!;
    return { id: row.id, networkId: row.network_id, phone: row.phone, createdAt: row.created_at, sentAt: row.sent_at };
  }

  // ── Travelling through the network adapter ──

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
    const cases = sql<[string], CaseRow>(this.db, 'SELECT * FROM support_cases WHERE network_id = ? AND sent_at IS NULL ORDER BY id').all(networkId);
    const firstMessages = new Set<number>();
    const items: OutboundSupportItem[] = [];
    for (const c of cases) {
      const first = sql<[number], { id: number }>(this.db, 'SELECT id FROM support_messages WHERE case_id = ? ORDER BY id LIMIT 1').get(c.id);
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
        items.push({ kind: 'closed', caseRef: caseNumber(m.case_id), at: m.created_at, reason: m.kind === 'auto-closed' ? 'no-reply' : 'shop' });
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
      this.db.transaction(() => {
        for (const c of cases) sql(this.db, 'UPDATE support_cases SET sent_at = ? WHERE id = ? AND sent_at IS NULL').run(now, c.id);
        // The first message travelled inside its case.
        for (const m of messages) sql(this.db, 'UPDATE support_messages SET sent_at = ? WHERE id = ? AND sent_at IS NULL').run(now, m.id);
        for (const cb of callbacks) sql(this.db, 'UPDATE support_callbacks SET sent_at = ? WHERE id = ? AND sent_at IS NULL').run(now, cb.id);
      }).immediate();
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
    return this.db.transaction(() => {
      const row = sql<[number], CaseRow>(this.db, 'SELECT * FROM support_cases WHERE id = ?').get(caseId);
      if (!row) return false;
      if (sql<[string], { id: number }>(this.db, 'SELECT id FROM support_messages WHERE remote_id = ?').get(update.id)) return false;
      const to: CaseState = { taken: 'in_progress', answered: 'answered', transferred: 'transferred', closed: 'closed', reopened: 'reopened' }[update.kind] as CaseState;
      if (!canMoveCase(row.state, to, 'operator')) return false;
      const now = this.clock.now();
      this.move(caseId, to, 'operator', now);
      // An answer is a message; the operator's other moves are events of the case, with their note if any.
      const kind: MessageKind = update.kind === 'answered' ? 'message' : update.kind;
      sql(this.db, "INSERT INTO support_messages (case_id, author, kind, body, created_at, sent_at, remote_id) VALUES (?, 'operator', ?, ?, ?, ?, ?)").run(
        caseId,
        kind,
        update.body ?? '',
        now,
        now,
        update.id,
      );
      return true;
    }).immediate();
  }

  private row(id: number): CaseRow {
    const row = sql<[number], CaseRow>(this.db, 'SELECT * FROM support_cases WHERE id = ?').get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No support case ${caseNumber(id)}`);
    return row;
  }

  private view(row: CaseRow): SupportCase {
    return {
      id: row.id,
      number: caseNumber(row.id),
      networkId: row.network_id,
      subject: row.subject,
      collaboratorId: row.collaborator_id,
      product: row.product,
      requestType: row.request_type,
      impact: row.impact,
      description: row.description,
      shortDescription: row.short_description,
      primaryEmail: row.primary_email,
      cc: JSON.parse(row.cc_json) as string[],
      state: row.state,
      followUpOf: row.follow_up_of === null ? null : { id: row.follow_up_of, number: caseNumber(row.follow_up_of) },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      answeredAt: row.answered_at,
      autoCloseAt: row.auto_close_at,
      closedAt: row.closed_at,
      sentAt: row.sent_at,
    };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
