import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv, type CsvColumn } from '../../../main/core/spreadsheet-csv';

const formulaStart = fc.constantFrom('=', '+', '-', '@');
const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\r', '\n', '\u00a0', '\u3000'), maxLength: 4 });

type Row = { text: string; n: number };
const columns: CsvColumn<Row>[] = [
  { key: 'text', value: (r) => r.text },
  { key: 'n', value: (r) => r.n },
];
const forms = fc.constantFrom(
  { form: 'raw' as const, language: 'en' as const, timeZone: 'UTC', delimiter: ',' },
  { form: 'spreadsheet' as const, language: 'it' as const, timeZone: 'Europe/Rome', delimiter: ';' },
  { form: 'spreadsheet' as const, language: 'fr' as const, timeZone: 'Europe/Paris', delimiter: ';' },
  { form: 'spreadsheet' as const, language: 'en' as const, timeZone: 'Europe/London', delimiter: ',' },
);
const cellsOf = (csv: string, delimiter: string) => (parse(csv, { delimiter, bom: true, from_line: 2 }) as string[][])[0]!;

describe('CSV for spreadsheets', () => {
  it('makes every cell that would start a formula text, whatever whitespace comes first, and keeps its content, in every form', () => {
    fc.assert(
      fc.property(blank, formulaStart, fc.string(), forms, (lead, start, rest, options) => {
        const text = `${lead}${start}${rest}`;
        const [cell] = cellsOf(writeCsv([{ text, n: 1 }], columns, 'x', options), options.delimiter);
        expect(cell).toBe(`'${text}`);
      }),
    );
  });

  it('leaves other cells and numbers as they are, negative numbers included', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^[\s\p{Cc}]*[=+\-@]/u.test(s) && !/^[\t\r]/.test(s)),
        fc.integer(),
        forms,
        (text, n, options) => {
          expect(cellsOf(writeCsv([{ text, n }], columns, 'x', options), options.delimiter)).toEqual([text, String(n)]);
        },
      ),
    );
  });

  it('for a person: a byte-order mark, the separator of the language, translated headers and codes, local dates; raw: none of these', () => {
    type Parcel = { state: string; at: number };
    const parcelColumns: CsvColumn<Parcel>[] = [
      { key: 'state', value: (p) => p.state, translateUnder: 'states' },
      { key: 'received_at', value: (p) => p.at, date: true },
    ];
    const rows = [{ state: 'received', at: Date.UTC(2026, 11, 1, 14, 28) }];
    const it = writeCsv(rows, parcelColumns, 'inventory.csv', { form: 'spreadsheet', language: 'it', timeZone: 'Europe/Rome' });
    expect(it.startsWith('\uFEFF')).toBe(true);
    expect(it.split('\r\n')[1]).toBe('In negozio;01/12/2026 15:28');
    const raw = writeCsv(rows, parcelColumns, 'inventory.csv');
    expect(raw).toBe('state,received_at\r\nreceived,2026-12-01T14:28:00.000Z\r\n');
  });
});
