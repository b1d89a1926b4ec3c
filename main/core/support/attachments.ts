import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CoreError, type ErrorParams } from '../errors';

/** At most this many files with one message (seed 003). */
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

export interface AttachmentInput {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export type AttachmentProblem = 'too-many' | 'too-large' | 'empty' | 'type';

const REASONS = { 'too-many': 'attachmentsTooMany', 'too-large': 'attachmentTooLarge', empty: 'attachmentEmpty', type: 'attachmentType' } as const;

/** A refused attachment: nothing of the message it came with was written. The field is the attachments of the message. */
export class AttachmentError extends CoreError {
  constructor(
    readonly problem: AttachmentProblem,
    message: string,
    params: ErrorParams,
  ) {
    super('BAD_INPUT', message, { reason: REASONS[problem], params, issues: [{ field: 'attachments', reason: REASONS[problem], params }] });
    this.name = 'AttachmentError';
  }
}

/** Checks every file before anything is written, so a refusal leaves nothing behind. */
export function checkAttachments(files: readonly AttachmentInput[]): void {
  if (files.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new AttachmentError('too-many', `At most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments per message (got ${files.length}); nothing was sent`, {
      max: MAX_ATTACHMENTS_PER_MESSAGE,
    });
  }
  for (const file of files) {
    if (file.bytes.length === 0) throw new AttachmentError('empty', `${file.fileName} is empty`, { file: file.fileName });
    if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AttachmentError('too-large', `${file.fileName} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, {
        file: file.fileName,
        size: MAX_ATTACHMENT_BYTES / 1024 / 1024,
      });
    }
    const type = ATTACHMENT_TYPES[file.mimeType];
    if (!type || !type.extensions.includes(extname(file.fileName).toLowerCase())) {
      throw new AttachmentError('type', `${file.fileName}: only PNG, JPEG, PDF, TXT and CSV files can be attached`, { file: file.fileName });
    }
    if (type.signature && !type.signature.every((byte, i) => file.bytes[i] === byte)) {
      throw new AttachmentError('type', `${file.fileName} is not really of type ${file.mimeType}`, { file: file.fileName });
    }
  }
}

/**
 * The app's own copy of each attached file, in the data folder: the original
 * is never referenced in place. Files are written before the rows that name
 * them and removed again if the rows are not written.
 */
export class AttachmentStore {
  constructor(readonly dir: string) {}

  write(bytes: Buffer, fileName: string): string {
    mkdirSync(this.dir, { recursive: true });
    const stored = `${randomBytes(12).toString('hex')}${extname(fileName).toLowerCase()}`;
    writeFileSync(join(this.dir, stored), bytes, { flag: 'wx' });
    return stored;
  }

  read(storedName: string): Buffer {
    return readFileSync(join(this.dir, storedName));
  }

  remove(storedName: string): void {
    try {
      unlinkSync(join(this.dir, storedName));
    } catch {
      // Already gone.
    }
  }
}
