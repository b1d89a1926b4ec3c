import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSpreadsheetCsv } from '../../../main/core/spreadsheet-csv';

const formulaStart = fc.constantFrom('=', '+', '-', '@');
const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\r', '\n', '\u00a0', '\u3000'), maxLength: 4 });

describe('CSV for spreadsheets', () => {
  it('makes every cell that would start a formula text, whatever whitespace comes first, and keeps its content', () => {
    fc.assert(
      fc.property(blank, formulaStart, fc.string(), (lead, start, rest) => {
        const cell = `${lead}${start}${rest}`;
        const [row] = parse(toSpreadsheetCsv(['a'], [[cell]]), { columns: true }) as { a: string }[];
        expect(row!.a).toBe(`'${cell}`);
      }),
    );
  });

  it('leaves other cells and numbers as they are', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/^[\s\p{Cc}]*[=+\-@]/u.test(s) && !/^[\t\r]/.test(s)), fc.integer(), (text, n) => {
        const [row] = parse(toSpreadsheetCsv(['text', 'n'], [[text, n]]), { columns: true }) as { text: string; n: string }[];
        expect(row).toEqual({ text, n: String(n) });
      }),
    );
  });
});
