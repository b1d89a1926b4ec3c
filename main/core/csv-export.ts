import { stringify } from 'csv-stringify/sync';
import { localeText, type TextLanguage } from './locale-text';

/** "spreadsheet": for a person, in the shop's language; "raw": for a program, the same in every language. */
export const CSV_FORMS = ['spreadsheet', 'raw'] as const;
export type CsvForm = (typeof CSV_FORMS)[number];

export interface CsvOptions {
  form: CsvForm;
  language: TextLanguage;
  /** The store's: dates are written in its local time. */
  timeZone: string;
}

export interface CsvColumn<T> {
  /** The raw header, and the key of the translated one under `<headerPrefix>.<key>`. */
  key: string;
  value(row: T): string | number | null;
  /** A time in ms: ISO 8601 in UTC raw, the store's local date and time for a person. */
  date?: boolean;
  /** A code translated for a person under `<prefix>.<code>` (a state, a size). */
  translateUnder?: string;
}

/** Where the language writes its decimal comma, spreadsheets expect ";" between fields. */
const SEPARATORS: Record<TextLanguage, string> = { it: ';', fr: ';', en: ',' };

function localDateTime(ms: number, language: TextLanguage, timeZone: string): string {
  const tag = language === 'en' ? 'en-GB' : language;
  const date = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(ms);
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(ms);
  return `${date} ${time}`;
}

/**
 * Rows as CSV (RFC 4180 quoting, CRLF). For a person: a byte-order mark so a
 * spreadsheet reads UTF-8, translated headers and codes, local dates and the
 * separator the language expects. Raw: ISO dates, codes and keys as they are.
 */
export function writeCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], headerPrefix: string, options: CsvOptions): string {
  const person = options.form === 'spreadsheet';
  const cell = (column: CsvColumn<T>, row: T): string => {
    const value = column.value(row);
    if (value === null || value === '') return '';
    if (column.date) return person ? localDateTime(Number(value), options.language, options.timeZone) : new Date(Number(value)).toISOString();
    if (person && column.translateUnder) return localeText(options.language, `${column.translateUnder}.${value}`);
    return String(value);
  };
  const header = columns.map((c) => (person ? localeText(options.language, `${headerPrefix}.${c.key}`) : c.key));
  const csv = stringify([header, ...rows.map((row) => columns.map((c) => cell(c, row)))], {
    delimiter: person ? SEPARATORS[options.language] : ',',
    record_delimiter: 'windows',
    // A value starting with "=", "+", "-" or "@" stays text when the file is opened in a spreadsheet.
    escape_formulas: true,
  });
  return person ? `\uFEFF${csv}` : csv;
}
