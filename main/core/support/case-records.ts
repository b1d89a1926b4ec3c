import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import { CoreError } from '../errors';
import type { CaseState } from './case-states';
import type { Impact, Product, RequestType } from './support-shapes';

/** A support case as stored. */
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

/** A support case as core hands it out. */
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

/** "CS-000012": the case ID staff quote to the operator. */
export function caseNumber(id: number): string {
  return `CS-${String(id).padStart(6, '0')}`;
}

/** The case a "CS-000012" reference names; undefined for anything else. */
export function caseIdOf(ref: string): number | undefined {
  const match = /^CS-(\d+)$/.exec(ref);
  return match ? Number(match[1]) : undefined;
}

export function caseRow(db: Database, id: number): CaseRow {
  const row = sql<[number], CaseRow>(db, 'SELECT * FROM support_cases WHERE id = ?').get(id);
  if (!row) throw new CoreError('NOT_FOUND', `No support case ${caseNumber(id)}`);
  return row;
}

export function readCase(db: Database, id: number): SupportCase {
  return caseView(caseRow(db, id));
}

export function caseView(row: CaseRow): SupportCase {
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
