/** "spreadsheet": for a person, in the shop's language; "raw": for a program, the same in every language. */
export const CSV_FORMS = ['spreadsheet', 'raw'] as const;
export type CsvForm = (typeof CSV_FORMS)[number];
