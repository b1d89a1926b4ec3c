import { stringify } from 'csv-stringify/sync';
import type { CsvForm } from './csv-shapes';
import { localeText, type TextLanguage } from './locale-text';

export interface CsvOptions {
  form: CsvForm;
  language: TextLanguage;
  /** The store's: dates are written in its local time. */
  timeZone: string;
}

export const RAW_CSV: CsvOptions = { form: 'raw', language: 'en', timeZone: 'UTC' };

export interface CsvColumn<T> {
  /** The raw header, and the key of the translated one under `<headerPrefix>.<key>`. */
  key: string;
  value(row: T): string | number | null;
  /** A time in ms: ISO 8601 in UTC raw, the store's local date and time for a person. */
  date?: boolean;
  /** A code translated for a person under `<prefix>.<code>` (a state, a size). */
  translateUnder?: string;
}

/**
 * A cell a spreadsheet would run as a formula: `=`, `+`, `-` or `@` first, even
 * after leading whitespace or line breaks (spreadsheets skip those), or a tab
 * or carriage return first.
 */
const FORMULA_START = /^(?:[\s\p{Cc}]*[=+\-@]|[\t\r])/u;

/** A text cell made inert: a leading apostrophe makes a spreadsheet show it as text. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
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
 * Rows as CSV (RFC 4180 quoting, CRLF, a header). Every text cell that would
 * start a formula stays text: names, descriptions and tracking IDs come from
 * networks and customers. For a person: a byte-order mark so a spreadsheet
 * reads UTF-8, translated headers and codes, local dates and the separator
 * the language expects. Raw: ISO dates, codes and keys as they are.
 */
export function writeCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  headerPrefix: string,
  options: CsvOptions = RAW_CSV,
): string {
  const person = options.form === 'spreadsheet';
  const cell = (column: CsvColumn<T>, row: T): string | number => {
    const value = column.value(row);
    if (value === null || value === '') return '';
    if (column.date)
      return person ? localDateTime(Number(value), options.language, options.timeZone) : new Date(Number(value)).toISOString();
    if (person && column.translateUnder) return localeText(options.language, `${column.translateUnder}.${value}`);
    return value;
  };
  const header = columns.map((c) => (person ? localeText(options.language, `${headerPrefix}.${c.key}`) : c.key));
  const csv = stringify([header, ...rows.map((row) => columns.map((c) => cell(c, row)))], {
    delimiter: person ? SEPARATORS[options.language] : ',',
    record_delimiter: '\r\n',
    cast: { string: neutraliseFormula },
  });
  return person ? `\uFEFF${csv}` : csv;
}
