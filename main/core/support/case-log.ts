import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { DAY_MS } from '../durations';
import { CoreError } from '../errors';
import { localDay } from '../hours/opening-hours';
import { writeCsv, type CsvColumn, type CsvOptions, RAW_CSV } from '../spreadsheet-csv';
import { caseView, type CaseRow, type SupportCase } from './case-records';
import { CASE_GROUPS, type CaseGroup, type CaseState } from './case-states';
import type { CaseSortKey } from './support-shapes';

/** The summary of a case in the export: no message content, no CC. */
const CASE_CSV_COLUMNS: readonly CsvColumn<SupportCase>[] = [
  { key: 'created', value: (c) => c.createdAt, date: true },
  { key: 'case_id', value: (c) => c.number },
  { key: 'state', value: (c) => c.state, translateUnder: 'support.states' },
  { key: 'primary_email', value: (c) => c.primaryEmail },
  { key: 'short_description', value: (c) => c.shortDescription },
  { key: 'description', value: (c) => c.description },
];

/** Closed cases stay in the default case log view for this long ("recently resolved"). */
export const RECENTLY_RESOLVED_MS = 30 * DAY_MS;

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

const SORT_COLUMNS: Record<CaseSortKey, string> = {
  createdAt: 'created_at',
  number: 'id',
  state: 'state',
  email: 'primary_email COLLATE NOCASE',
  description: 'short_description COLLATE NOCASE',
};

/** The case log: counters, filter, sort and pages in SQL, and the CSV of what the filter shows. */
export class CaseLog {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  list(query: CaseQuery = {}): { items: SupportCase[]; total: number; page: number; pageSize: number; pages: number } {
    const pageSize = query.pageSize ?? 10;
    const { where, params } = this.whereOf(query.filter ?? {});
    const total = this.db
      .prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM support_cases WHERE ${where}`)
      .get(params)!.n;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Math.max(1, query.page ?? 1), pages);
    const rows = this.db
      .prepare<Record<string, unknown>, CaseRow>(
        `SELECT * FROM support_cases WHERE ${where} ORDER BY ${orderOf(query.sort)} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: rows.map(caseView), total, page, pageSize, pages };
  }

  /** Every case the filter shows, on every page, in the same order: what the export writes. */
  filtered(filter: CaseFilter = {}, sort?: CaseQuery['sort']): SupportCase[] {
    const { where, params } = this.whereOf(filter);
    return this.db
      .prepare<Record<string, unknown>, CaseRow>(`SELECT * FROM support_cases WHERE ${where} ORDER BY ${orderOf(sort)}`)
      .all(params)
      .map(caseView);
  }

  /** The summary of every case the filter shows, as CSV (docs/rules.md, Support: no message content, no CC). */
  exportCsv(
    filter: CaseFilter = {},
    sort?: CaseQuery['sort'],
    options: CsvOptions = RAW_CSV,
  ): { csv: string; count: number; fileName: string } {
    const cases = this.filtered(filter, sort);
    if (cases.length === 0) throw new CoreError('CONFLICT', 'No case is shown: there is nothing to export', { reason: 'nothingToExport' });
    // A description such as "=HYPERLINK(…)" stays text when the file is opened in a spreadsheet.
    const csv = writeCsv(cases, CASE_CSV_COLUMNS, 'support.csv', options);
    const { date } = localDay(this.clock.now(), options.timeZone);
    return { csv, count: cases.length, fileName: `support-cases-${date}.csv` };
  }

  /**
   * Each counter counts what clicking it shows: the cases the filter shows,
   * whatever its state, in that counter's states.
   */
  counters(filter: CaseFilter = {}): Record<'all' | CaseGroup, number> {
    const count = (states?: readonly CaseState[]) => {
      const { where, params } = this.whereOf({ ...filter, states: states ? [...states] : undefined });
      return this.db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM support_cases WHERE ${where}`).get(params)!
        .n;
    };
    return {
      all: count(),
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
      clauses.push(
        `(short_description LIKE @description ESCAPE '\\' OR description LIKE @description ESCAPE '\\' OR subject LIKE @description ESCAPE '\\')`,
      );
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
    // Asking for closed cases alone shows them at every age; otherwise only the recently closed ones, unless asked.
    const closedOnly = filter.states !== undefined && filter.states.length > 0 && filter.states.every((s) => s === 'closed');
    if (!filter.includeOld && !closedOnly) {
      clauses.push("(state <> 'closed' OR closed_at >= @recentSince)");
      params.recentSince = this.clock.now() - RECENTLY_RESOLVED_MS;
    }
    return { where: clauses.join(' AND '), params };
  }
}

function orderOf(sort: CaseQuery['sort']): string {
  const by = sort?.by ?? 'createdAt';
  const direction = (sort?.direction ?? 'desc') === 'asc' ? 'ASC' : 'DESC';
  return `${SORT_COLUMNS[by]} ${direction}, id ${direction}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
