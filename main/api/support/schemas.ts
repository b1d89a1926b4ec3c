import { z } from 'zod';
import {
  ATTACHMENT_TYPES,
  CASE_SORT_KEYS,
  IMPACTS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MESSAGE_KINDS,
  PRODUCTS,
  REQUEST_TYPES,
} from '../../core/support/support-shapes';
import { CASE_GROUPS, CASE_STATES, type CaseGroup, type CaseState } from '../../core/support/case-states';

/** The case states and the case log's counter groups: the renderer reads them through the contract. */
export { CASE_GROUPS, CASE_STATES, type CaseGroup, type CaseState };
import { idSchema, rowIdSchema } from '../schemas';

const timestamp = z.number().int().nonnegative();
export const emailSchema = z.string().trim().pipe(z.email().max(254));
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const officeHoursSchema = z.strictObject({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: hhmm,
  to: hhmm,
});

export const collaboratorSchema = z.object({ id: rowIdSchema, name: z.string(), email: z.string() });

export const supportConfigSchema = z.object({
  officeHours: z.object({ days: z.array(z.number().int()), from: z.string(), to: z.string() }),
  answerTargetHours: z.number().int(),
  collaborators: z.array(collaboratorSchema),
  products: z.array(z.enum(PRODUCTS)),
  attachments: z.object({
    maxPerMessage: z.number().int(),
    maxBytes: z.number().int(),
    types: z.array(z.string()),
    extensions: z.array(z.string()),
  }),
});

export const caseStateSchema = z.enum(CASE_STATES);

export const newCaseSchema = z.strictObject({
  networkId: idSchema,
  subject: z.string().trim().min(1).max(120),
  collaboratorId: rowIdSchema.optional(),
  email: emailSchema.optional(),
  name: z.string().trim().min(1).max(120).optional(),
  product: z.enum(PRODUCTS),
  requestType: z.enum(REQUEST_TYPES),
  impact: z.enum(IMPACTS),
  description: z.string().trim().min(1).max(5000),
  followUpOf: rowIdSchema.optional(),
});

export const caseFilterSchema = z.strictObject({
  states: z.array(caseStateSchema).max(CASE_STATES.length).optional(),
  caseNumber: z.string().trim().max(20).optional(),
  email: z.string().trim().max(254).optional(),
  description: z.string().trim().max(200).optional(),
  createdFrom: timestamp.optional(),
  createdTo: timestamp.optional(),
  includeOld: z.boolean().optional(),
});
export const caseSortSchema = z.strictObject({ by: z.enum(CASE_SORT_KEYS), direction: z.enum(['asc', 'desc']) });

/** A file as the renderer sends it: its bytes in base64, never a path. Capped so a message stays small. */
export const attachmentUploadSchema = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[^/\\]+$/),
  mimeType: z.enum(Object.keys(ATTACHMENT_TYPES) as [string, ...string[]]),
  base64: z.base64().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4),
});
export const attachmentsInputSchema = z.array(attachmentUploadSchema).max(MAX_ATTACHMENTS_PER_MESSAGE);

export const caseViewSchema = z.object({
  id: rowIdSchema,
  number: z.string(),
  networkId: z.string(),
  subject: z.string(),
  collaboratorId: rowIdSchema.nullable(),
  product: z.enum(PRODUCTS),
  requestType: z.enum(REQUEST_TYPES),
  impact: z.enum(IMPACTS),
  description: z.string(),
  shortDescription: z.string(),
  primaryEmail: z.string(),
  cc: z.array(z.string()),
  state: caseStateSchema,
  followUpOf: z.object({ id: rowIdSchema, number: z.string() }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  answeredAt: timestamp.nullable(),
  autoCloseAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  sentAt: timestamp.nullable(),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const caseMessageSchema = z.object({
  id: rowIdSchema,
  author: z.enum(['shop', 'operator', 'system']),
  kind: z.enum(MESSAGE_KINDS),
  body: z.string(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  attachments: z.array(z.object({ id: rowIdSchema, fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() })),
});
export type CaseMessageView = z.infer<typeof caseMessageSchema>;

export const caseDetailSchema = z.object({ case: caseViewSchema, messages: z.array(caseMessageSchema) });

export const caseCountersSchema = z.object({
  all: z.number().int(),
  open: z.number().int(),
  inProgress: z.number().int(),
  awaitingReply: z.number().int(),
  closed: z.number().int(),
});

export const caseListSchema = z.object({
  items: z.array(caseViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
  counters: caseCountersSchema,
});

export const callbackViewSchema = z.object({
  id: rowIdSchema,
  networkId: z.string(),
  phone: z.string(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});
