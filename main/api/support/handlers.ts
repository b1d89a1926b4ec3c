import type { CountryCode } from 'libphonenumber-js';
import type { CounterCore } from '../../core/counter-core';
import { checkAttachmentContent } from '../../core/support/attachments';
import { DIAGNOSTICS_MIME_TYPE, diagnosticsZip } from '../../core/support/diagnostics';
import {
  ANSWER_TARGET_HOURS,
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  PRODUCTS,
} from '../../core/support/support-shapes';
import type { HandlersOf } from '../call';
import type { supportCalls } from './calls';

/**
 * Help and support calls. Thin: the rules live in core's SupportDesk.
 * `changed` wakes the scheduler, which sends what was stored to the network.
 */
export function supportHandlers(
  core: Pick<CounterCore, 'support' | 'db' | 'networks' | 'clock' | 'hours'>,
  changed: () => void,
  diagnostics: { appVersion: string; logDir?: string } = { appVersion: 'unknown' },
): HandlersOf<typeof supportCalls> {
  const { support } = core;
  const after = <T>(value: T): T => {
    changed();
    return value;
  };
  const config = () => ({
    officeHours: support.officeHours(),
    answerTargetHours: ANSWER_TARGET_HOURS,
    collaborators: support.collaborators(),
    products: [...PRODUCTS],
    attachments: {
      maxPerMessage: MAX_ATTACHMENTS_PER_MESSAGE,
      maxBytes: MAX_ATTACHMENT_BYTES,
      types: Object.keys(ATTACHMENT_TYPES),
      extensions: Object.values(ATTACHMENT_TYPES).flatMap((t) => t.extensions),
    },
  });
  const detail = (caseId: number) => ({ case: support.get(caseId), messages: support.messages(caseId) });

  return {
    'help.requestCallback': ({ phone, country }) => after(support.requestCallback(phone, country as CountryCode)),
    'help.callbacks': () => support.callbacks(),

    'support.config': config,
    'support.setOfficeHours': ({ officeHours }) => {
      support.setOfficeHours(officeHours);
      return config();
    },
    'support.addCollaborator': ({ name, email }) => support.addCollaborator(name, email),
    'support.removeCollaborator': ({ id }) => support.removeCollaborator(id),
    'support.open': (input) => after(support.open(input)),
    'support.list': ({ filter, sort, page, pageSize }) => ({
      ...support.list({ filter, sort, page, pageSize }),
      counters: support.counters(filter),
    }),
    'support.get': ({ caseId }) => detail(caseId),
    'support.reply': async ({ caseId, body, attachments }) => {
      const files = attachments.map((a) => ({ fileName: a.fileName, mimeType: a.mimeType, bytes: Buffer.from(a.base64, 'base64') }));
      // What the bytes are (read by file-type) is checked before anything is written, like the rest.
      await checkAttachmentContent(files);
      support.reply(caseId, body, files);
      return after(detail(caseId));
    },
    'support.attachDiagnostics': ({ caseId, body }) => {
      const zip = diagnosticsZip({ db: core.db, networks: core.networks, now: core.clock.now(), ...diagnostics });
      support.replyWithGeneratedFile(caseId, body, { fileName: zip.fileName, mimeType: DIAGNOSTICS_MIME_TYPE, bytes: zip.bytes });
      return after(detail(caseId));
    },
    'support.edit': ({ caseId, primaryEmail, cc, shortDescription }) => {
      support.edit(caseId, { primaryEmail, cc, shortDescription });
      return detail(caseId);
    },
    'support.close': ({ caseId }) => {
      support.close(caseId);
      return after(detail(caseId));
    },
    'support.exportCsv': ({ filter, sort, form, language }) =>
      support.exportCsv(filter, sort, { form: form ?? 'raw', language: language ?? 'en', timeZone: core.hours.timeZone }),
    'support.attachment': ({ attachmentId }) => {
      const file = support.attachment(attachmentId);
      return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
    },
  };
}
