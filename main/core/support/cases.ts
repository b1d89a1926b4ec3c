import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { actingStaffId } from '../staff/acting-staff';
import { CoreError, fieldError, type FieldIssue } from '../errors';
import type { NetworkRepository } from '../networks/network-repository';
import { caseNumber, caseRow, readCase, type SupportCase } from './case-records';
import { moveCase } from './case-moves';
import type { CaseActor, CaseState } from './case-states';
import type { Collaborators } from './collaborators';
import type { Impact, Product, RequestType } from './support-shapes';

export interface NewCase {
  networkId: string;
  subject: string;
  /** Required when the shop has collaborators; absent when the list is empty (name and email go in the description). */
  collaboratorId?: number;
  /** Used as the owner's email when there is no collaborator list. */
  email?: string;
  /** The person who asks, when there is no collaborator list; signs the description. */
  name?: string;
  product: Product;
  requestType: RequestType;
  impact: Impact;
  description: string;
  followUpOf?: number;
}

/** Opening a case, editing it, and the moves the shop and staff make on it. */
export class Cases {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly networks: NetworkRepository,
    private readonly collaborators: Collaborators,
  ) {}

  open(input: NewCase): SupportCase {
    const network = this.networks.get(input.networkId);
    const collaborators = this.collaborators.list();
    let email: string;
    let collaboratorId: number | null = null;
    if (collaborators.length > 0) {
      const person = collaborators.find((c) => c.id === input.collaboratorId);
      if (!person) throw fieldError('collaboratorId', 'choosePerson', 'Choose the person who asks from the collaborator list');
      email = person.email;
      collaboratorId = person.id;
    } else {
      if (input.collaboratorId !== undefined)
        throw fieldError('collaboratorId', 'noCollaboratorList', 'There is no collaborator list: give your name and email');
      // No collaborator list (docs/rules.md, Support): the person gives their own name and email (an email in the description still counts).
      const found = input.email ?? /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}/.exec(input.description)?.[0];
      if (!found) {
        const issues: FieldIssue[] = [
          ...(input.name ? [] : [{ field: 'name', reason: 'required' as const }]),
          { field: 'email', reason: 'required' },
        ];
        throw new CoreError('BAD_INPUT', 'Give your name and email: the operator answers to that email', { issues });
      }
      email = found;
    }
    const description = input.name ? `${input.description}\n\n${input.name} <${email}>` : input.description;
    if (input.followUpOf !== undefined) {
      const previous = caseRow(this.db, input.followUpOf);
      if (previous.state !== 'closed')
        throw new CoreError('CONFLICT', `Case ${caseNumber(previous.id)} is not closed: reply to it instead of opening a follow-up`, {
          reason: 'caseNotClosed',
          params: { number: caseNumber(previous.id) },
        });
    }
    const now = this.clock.now();
    const id = this.db
      .transaction(() => {
        const caseId = Number(
          sql(
            this.db,
            `INSERT INTO support_cases (network_id, subject, collaborator_id, product, request_type, impact, description, short_description,
             primary_email, state, follow_up_of, created_at, updated_at, opened_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
          ).run(
            network.id,
            input.subject,
            collaboratorId,
            input.product,
            input.requestType,
            input.impact,
            description,
            input.subject,
            email,
            input.followUpOf ?? null,
            now,
            now,
            actingStaffId(),
          ).lastInsertRowid,
        );
        // The description is the first message of the correspondence; it travels with the case.
        sql(this.db, "INSERT INTO support_messages (case_id, author, body, created_at, actor_id) VALUES (?, 'shop', ?, ?, ?)").run(
          caseId,
          description,
          now,
          actingStaffId(),
        );
        return caseId;
      })
      .immediate();
    return this.get(id);
  }

  get(id: number): SupportCase {
    return readCase(this.db, id);
  }

  /** Edit (docs/rules.md, Support): the primary email (its person becomes the owner), the CC list and the short description. */
  edit(caseId: number, changes: { primaryEmail: string; cc: string[]; shortDescription: string }): SupportCase {
    const current = caseRow(this.db, caseId);
    if (current.state === 'closed')
      throw new CoreError('CONFLICT', `Case ${caseNumber(caseId)} is closed and cannot be edited: open a follow-up instead`, {
        reason: 'caseClosed',
        params: { number: caseNumber(caseId) },
      });
    const ownerId = this.collaborators.idByEmail(changes.primaryEmail);
    const cc = [...new Set(changes.cc.map((e) => e.trim()).filter((e) => e && e.toLowerCase() !== changes.primaryEmail.toLowerCase()))];
    sql(
      this.db,
      'UPDATE support_cases SET primary_email = ?, collaborator_id = ?, cc_json = ?, short_description = ?, updated_at = ? WHERE id = ?',
    ).run(changes.primaryEmail, ownerId ?? null, JSON.stringify(cc), changes.shortDescription, this.clock.now(), caseId);
    return this.get(caseId);
  }

  /** The shop marks a case resolved; the operator is told (a queued 'closed-by-shop' message). */
  close(caseId: number): SupportCase {
    this.db
      .transaction(() => {
        const now = this.clock.now();
        moveCase(this.db, caseId, 'closed', 'shop', now);
        sql(
          this.db,
          "INSERT INTO support_messages (case_id, author, kind, body, created_at) VALUES (?, 'system', 'closed-by-shop', '', ?)",
        ).run(caseId, now);
      })
      .immediate();
    return this.get(caseId);
  }

  /** Any move by anyone, through the one transition table (the operator's moves come through the operator mailbox). */
  transition(caseId: number, to: CaseState, actor: CaseActor): SupportCase {
    this.db.transaction(() => moveCase(this.db, caseId, to, actor, this.clock.now())).immediate();
    return this.get(caseId);
  }
}
