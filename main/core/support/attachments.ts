import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CoreError } from '../errors';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from './support-shapes';

export interface AttachmentInput {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export type AttachmentProblem = 'too-many' | 'too-large' | 'empty' | 'type';

/** A refused attachment: nothing of the message it came with was written. */
export class AttachmentError extends CoreError {
  constructor(
    readonly problem: AttachmentProblem,
    message: string,
  ) {
    super('BAD_INPUT', message);
    this.name = 'AttachmentError';
  }
}

/** Checks every file before anything is written, so a refusal leaves nothing behind. */
export function checkAttachments(files: readonly AttachmentInput[]): void {
  if (files.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new AttachmentError('too-many', `At most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments per message (got ${files.length}); nothing was sent`);
  }
  for (const file of files) {
    if (file.bytes.length === 0) throw new AttachmentError('empty', `${file.fileName} is empty`);
    if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AttachmentError('too-large', `${file.fileName} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    }
    const type = ATTACHMENT_TYPES[file.mimeType];
    if (!type || !type.extensions.includes(extname(file.fileName).toLowerCase())) {
      throw new AttachmentError('type', `${file.fileName}: only PNG, JPEG, PDF, TXT and CSV files can be attached`);
    }
    if (type.signature && !type.signature.every((byte, i) => file.bytes[i] === byte)) {
      throw new AttachmentError('type', `${file.fileName} is not really a ${file.mimeType} file`);
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
