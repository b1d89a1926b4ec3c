/** The support desk's fixed lists and limits, shared by core's rules and the api contract. Pure data. */

/** The operator's answer target shown on the form. */
export const ANSWER_TARGET_HOURS = 24;
export const REQUEST_TYPES = ['technical', 'commercial', 'administrative'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const IMPACTS = ['blocked', 'degraded'] as const;
export type Impact = (typeof IMPACTS)[number];
/** What the case is about ("Articolo" on the operator's form): the parts of the counter the operator supports. */
export const PRODUCTS = ['counter-app', 'scanner', 'parcels', 'returns', 'driver-qr', 'other'] as const;
export type Product = (typeof PRODUCTS)[number];

export const CASE_SORT_KEYS = ['createdAt', 'number', 'state', 'email', 'description'] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];

/** At most this many files with one message (docs/rules.md, Support). */
export const MAX_ATTACHMENTS_PER_MESSAGE = 3;
/** Each file at most 1 MiB: screenshots, photos of a label, a PDF. */
export const MAX_ATTACHMENT_BYTES = 1024 * 1024;

/** What may be attached, by type; the bytes must agree with the type where the format has a signature. */
export const ATTACHMENT_TYPES: Readonly<Record<string, { extensions: readonly string[]; signature?: readonly number[] }>> = {
  'image/png': { extensions: ['.png'], signature: [0x89, 0x50, 0x4e, 0x47] },
  'image/jpeg': { extensions: ['.jpg', '.jpeg'], signature: [0xff, 0xd8, 0xff] },
  'application/pdf': { extensions: ['.pdf'], signature: [0x25, 0x50, 0x44, 0x46] },
  'text/plain': { extensions: ['.txt', '.log'] },
  'text/csv': { extensions: ['.csv'] },
};

/**
 * What a support message is: a text someone wrote, or an event of the case
 * (the operator's moves; the shop closing it; the 7-day auto-close).
 */
export const MESSAGE_KINDS = ['message', 'taken', 'transferred', 'closed', 'reopened', 'closed-by-shop', 'auto-closed'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
