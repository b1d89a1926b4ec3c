import { z } from 'zod';
import { call, none } from '../call';
import { csvFormSchema, rowIdSchema } from '../schemas';
import {
  attachmentsInputSchema,
  callbackViewSchema,
  caseDetailSchema,
  caseFilterSchema,
  caseListSchema,
  caseSortSchema,
  caseViewSchema,
  collaboratorSchema,
  emailSchema,
  newCaseSchema,
  officeHoursSchema,
  supportConfigSchema,
} from './schemas';

export const supportCalls = {
  /** "Contact support": a call back to a phone number main validates (libphonenumber-js); stored, then sent. */
  'help.requestCallback': call(
    z.strictObject({ phone: z.string().trim().min(3).max(40), country: z.string().regex(/^[A-Z]{2}$/) }),
    callbackViewSchema,
  ),
  'help.callbacks': call(none, z.array(callbackViewSchema)),
  'support.config': call(none, supportConfigSchema),
  'support.setOfficeHours': call(z.strictObject({ officeHours: officeHoursSchema }), supportConfigSchema),
  'support.addCollaborator': call(
    z.strictObject({ name: z.string().trim().min(1).max(80), email: emailSchema }),
    z.array(collaboratorSchema),
  ),
  'support.removeCollaborator': call(z.strictObject({ id: rowIdSchema }), z.array(collaboratorSchema)),
  'support.open': call(newCaseSchema, caseViewSchema),
  'support.list': call(
    z.strictObject({
      filter: caseFilterSchema,
      sort: caseSortSchema,
      page: z.number().int().min(1).max(100_000),
      pageSize: z.number().int().min(1).max(100),
    }),
    caseListSchema,
  ),
  'support.get': call(z.strictObject({ caseId: rowIdSchema }), caseDetailSchema),
  /** A reply with up to 3 files; the files travel as base64 bytes and main copies them into its data folder. */
  'support.reply': call(
    z.strictObject({ caseId: rowIdSchema, body: z.string().trim().min(1).max(5000), attachments: attachmentsInputSchema }),
    caseDetailSchema,
  ),
  /** "Attach diagnostics": main zips logs, versions, settings without secrets and integrity_check into a reply. */
  'support.attachDiagnostics': call(z.strictObject({ caseId: rowIdSchema, body: z.string().trim().min(1).max(5000) }), caseDetailSchema),
  /** Changing the primary email changes the case's owner. */
  'support.edit': call(
    z.strictObject({
      caseId: rowIdSchema,
      primaryEmail: emailSchema,
      cc: z.array(emailSchema).max(10),
      shortDescription: z.string().trim().min(1).max(120),
    }),
    caseDetailSchema,
  ),
  'support.close': call(z.strictObject({ caseId: rowIdSchema }), caseDetailSchema),
  /** Every case the filter shows (all pages) as CSV text; the renderer saves it. */
  'support.exportCsv': call(
    z.strictObject({ filter: caseFilterSchema, sort: caseSortSchema, ...csvFormSchema }),
    z.object({ csv: z.string(), count: z.number().int(), fileName: z.string() }),
  ),
  'support.attachment': call(
    z.strictObject({ attachmentId: rowIdSchema }),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  ),
} as const;
