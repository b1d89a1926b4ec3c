import { stringify } from 'csv-stringify/sync';

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

/**
 * CSV for people who open it in a spreadsheet: RFC 4180 quoting, CRLF rows, a
 * header, and every text cell that would start a formula kept as text. Names,
 * descriptions and tracking IDs come from networks and customers.
 */
export function toSpreadsheetCsv(columns: readonly string[], records: readonly (readonly (string | number | null | undefined)[])[]): string {
  return stringify(
    records.map((r) => [...r]),
    { header: true, columns: [...columns], record_delimiter: '\r\n', cast: { string: neutraliseFormula } },
  );
}
