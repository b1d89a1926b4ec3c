import type { Database } from 'better-sqlite3';
import type { CsvOptions } from '../spreadsheet-csv';
import type { CountryCode } from 'libphonenumber-js';
import type { Clock } from '../clock';
import type { NetworkAdapter, SupportUpdate } from '../networks/network-adapter';
import type { NetworkRepository } from '../networks/network-repository';
import type { SettingsRepository } from '../settings';
import type { AttachmentInput, AttachmentStore } from './attachments';
import { CaseAutoClose } from './auto-close';
import { CallbackRequests, type CallbackRequest } from './callbacks';
import { CaseCorrespondence, type CaseMessage } from './case-correspondence';
import { CaseLog, type CaseFilter, type CaseQuery } from './case-log';
import type { SupportCase } from './case-records';
import type { CaseActor, CaseGroup, CaseState } from './case-states';
import { Cases, type NewCase } from './cases';
import { Collaborators, type Collaborator } from './collaborators';
import { OperatorOfficeHours, type OfficeHours } from './office-hours';
import { OperatorMailbox } from './operator-mailbox';

export { AUTO_CLOSE_AFTER_MS } from './case-moves';
export { RECENTLY_RESOLVED_MS, type CaseFilter, type CaseQuery } from './case-log';
export { caseNumber, type SupportCase } from './case-records';
export { DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours';
export type { CallbackRequest, CaseMessage, Collaborator, NewCase };

/**
 * Help and support (docs/rules.md, Support), one model behind the ticket
 * form and the case log: cases and their correspondence, the case log, the
 * shop's collaborators and the operator's office hours, call-back requests,
 * the 7-day auto-close, and the operator mailbox. Every change is stored
 * first; `sync` sends what is unsent through the network adapter and applies
 * the operator's updates.
 */
export class SupportDesk {
  private readonly collaboratorList: Collaborators;
  private readonly operatorHours: OperatorOfficeHours;
  private readonly cases: Cases;
  private readonly correspondence: CaseCorrespondence;
  private readonly log: CaseLog;
  private readonly callbackRequests: CallbackRequests;
  private readonly autoClose: CaseAutoClose;
  private readonly mailbox: OperatorMailbox;

  constructor(
    db: Database,
    clock: Clock,
    networks: NetworkRepository,
    settings: SettingsRepository,
    readonly attachments: AttachmentStore,
  ) {
    this.collaboratorList = new Collaborators(db, clock);
    this.operatorHours = new OperatorOfficeHours(settings);
    this.cases = new Cases(db, clock, networks, this.collaboratorList);
    this.correspondence = new CaseCorrespondence(db, clock, attachments);
    this.log = new CaseLog(db, clock);
    this.callbackRequests = new CallbackRequests(db, clock, networks);
    this.autoClose = new CaseAutoClose(db, clock);
    this.mailbox = new OperatorMailbox(db, clock);
  }

  // ── Collaborators and office hours (settings) ──
  collaborators(): Collaborator[] {
    return this.collaboratorList.list();
  }
  addCollaborator(name: string, email: string): Collaborator[] {
    return this.collaboratorList.add(name, email);
  }
  removeCollaborator(id: number): Collaborator[] {
    return this.collaboratorList.remove(id);
  }
  officeHours(): OfficeHours {
    return this.operatorHours.get();
  }
  setOfficeHours(hours: OfficeHours): OfficeHours {
    return this.operatorHours.set(hours);
  }

  // ── Cases and their correspondence ──
  open(input: NewCase): SupportCase {
    return this.cases.open(input);
  }
  get(id: number): SupportCase {
    return this.cases.get(id);
  }
  edit(caseId: number, changes: { primaryEmail: string; cc: string[]; shortDescription: string }): SupportCase {
    return this.cases.edit(caseId, changes);
  }
  close(caseId: number): SupportCase {
    return this.cases.close(caseId);
  }
  transition(caseId: number, to: CaseState, actor: CaseActor): SupportCase {
    return this.cases.transition(caseId, to, actor);
  }
  messages(caseId: number): CaseMessage[] {
    return this.correspondence.messages(caseId);
  }
  reply(caseId: number, body: string, files: readonly AttachmentInput[] = []): SupportCase {
    return this.correspondence.reply(caseId, body, files);
  }

  replyWithGeneratedFile(caseId: number, body: string, file: AttachmentInput): SupportCase {
    return this.correspondence.replyWithGeneratedFile(caseId, body, file);
  }
  attachment(id: number): { fileName: string; mimeType: string; bytes: Buffer } {
    return this.correspondence.attachment(id);
  }

  // ── The 7-day auto-close ──
  nextAutoCloseAt(): number | undefined {
    return this.autoClose.nextAt();
  }
  sweepAutoClose(now?: number): number {
    return this.autoClose.sweep(now);
  }

  // ── The case log ──
  list(query: CaseQuery = {}): { items: SupportCase[]; total: number; page: number; pageSize: number; pages: number } {
    return this.log.list(query);
  }
  filtered(filter: CaseFilter = {}, sort?: CaseQuery['sort']): SupportCase[] {
    return this.log.filtered(filter, sort);
  }
  exportCsv(filter: CaseFilter = {}, sort?: CaseQuery['sort'], options?: CsvOptions): { csv: string; count: number; fileName: string } {
    return this.log.exportCsv(filter, sort, options);
  }
  counters(filter: CaseFilter = {}): Record<'all' | CaseGroup, number> {
    return this.log.counters(filter);
  }

  // ── Call-back requests ──
  requestCallback(phone: string, defaultCountry: CountryCode, networkId?: string): CallbackRequest {
    return this.callbackRequests.request(phone, defaultCountry, networkId);
  }
  callbacks(limit = 5): CallbackRequest[] {
    return this.callbackRequests.recent(limit);
  }

  // ── The operator mailbox ──
  pending(networkId: string): number {
    return this.mailbox.pending(networkId);
  }
  sync(networkId: string, adapter: NetworkAdapter): Promise<{ sent: number; applied: number }> {
    return this.mailbox.sync(networkId, adapter);
  }
  apply(update: SupportUpdate): boolean {
    return this.mailbox.apply(update);
  }
}
