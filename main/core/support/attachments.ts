import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { CoreError, type ErrorParams } from '../errors';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from './support-shapes';

export interface AttachmentInput {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/**
 * `unsafe`: an executable, a script, a PDF with actions, or a file that is two formats at once. `unchecked`: a part
 * too large to search for those, refused without claiming it holds one.
 */
export type AttachmentProblem = 'too-many' | 'too-large' | 'empty' | 'type' | 'name' | 'unsafe' | 'unchecked';

const REASONS = {
  'too-many': 'attachmentsTooMany',
  'too-large': 'attachmentTooLarge',
  empty: 'attachmentEmpty',
  type: 'attachmentType',
  name: 'attachmentName',
  unsafe: 'attachmentUnsafe',
  unchecked: 'attachmentUnchecked',
} as const;

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

/**
 * A file name as people will read it: without control characters (NUL ends
 * the name in C) and without invisible format characters, among them the
 * bidirectional overrides that show `photo\u202etxt.png` as "photognp.txt".
 */
export function cleanFileName(name: string): string {
  return name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
}

/**
 * The type of each file as its bytes say (file-type reads the content, not
 * the name): a PNG, JPEG or PDF must really be one; a text file must not be
 * any binary format (an executable renamed `.txt` is found here).
 */
export async function checkAttachmentContent(files: readonly AttachmentInput[]): Promise<void> {
  for (const file of files) {
    const detected = await fileTypeFromBuffer(file.bytes);
    const isText = !ATTACHMENT_TYPES[file.mimeType]?.signature;
    if (isText ? detected !== undefined : detected?.mime !== file.mimeType) {
      const fileName = cleanFileName(file.fileName);
      throw new AttachmentError(
        isText ? 'unsafe' : 'type',
        `${fileName} is not really a ${file.mimeType} file${detected ? ` (it is ${detected.mime})` : ''}`,
        { file: fileName },
      );
    }
  }
}

/**
 * Checks every file before anything is written, so a refusal leaves nothing
 * behind, and gives them back with clean names.
 */
export function checkAttachments(files: readonly AttachmentInput[]): AttachmentInput[] {
  if (files.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new AttachmentError(
      'too-many',
      `At most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments per message (got ${files.length}); nothing was sent`,
      {
        max: MAX_ATTACHMENTS_PER_MESSAGE,
      },
    );
  }
  return files.map((original) => {
    const file = { ...original, fileName: cleanFileName(original.fileName) };
    if (!file.fileName || file.fileName.startsWith('.')) throw new AttachmentError('name', 'An attached file has no usable name', {});
    if (file.bytes.length === 0) throw new AttachmentError('empty', `${file.fileName} is empty`, { file: file.fileName });
    if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AttachmentError('too-large', `${file.fileName} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, {
        file: file.fileName,
        size: MAX_ATTACHMENT_BYTES / 1024 / 1024,
      });
    }
    const type = ATTACHMENT_TYPES[file.mimeType];
    if (!type || !type.extensions.includes(extname(file.fileName).toLowerCase())) {
      throw new AttachmentError('type', `${file.fileName}: only PNG, JPEG, PDF, TXT and CSV files can be attached`, {
        file: file.fileName,
      });
    }
    if (type.signature && !type.signature.every((byte, i) => file.bytes[i] === byte)) {
      throw new AttachmentError('type', `${file.fileName} is not really of type ${file.mimeType}`, { file: file.fileName });
    }
    const content = contentProblemOf(file);
    if (content) throw new AttachmentError(content.problem, `${file.fileName} cannot be attached: ${content.why}`, { file: file.fileName });
    return file;
  });
}

/** Markup a browser would run if the file were ever shown as a page: a polyglot image or a "text" file that is HTML. */
const ACTIVE_MARKUP = /<(?:script|html|body|iframe|object|embed|svg|\?php)[\s>/]|javascript:/i;
/** PDF names for actions that run code, open other files or carry files inside. */
const PDF_ACTIONS = /\/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData|GoToE)(?![A-Za-z0-9])/;
/** A ZIP (and so JAR, DOCX, APK) local file header inside another format. */
const ZIP_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PNG_END = Buffer.from('IEND');
/** Cap on what one PDF stream may inflate to while it is searched (a deflate bomb stops here, and is refused). */
const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

interface ContentProblem {
  problem: 'unsafe' | 'unchecked';
  why: string;
}

const unsafe = (why: string): ContentProblem => ({ problem: 'unsafe', why });

/** Why the file's content cannot be taken whatever its name, or undefined. */
function contentProblemOf(file: AttachmentInput): ContentProblem | undefined {
  const text = file.bytes.toString('latin1');
  if (!ATTACHMENT_TYPES[file.mimeType]?.signature) {
    if (file.bytes.includes(0) || !isUtf8(file.bytes)) return unsafe('it is not a text file');
    if (text.startsWith('#!') || text.startsWith('MZ')) return unsafe('it is a program or a script');
    if (ACTIVE_MARKUP.test(text)) return unsafe('it contains HTML or a script');
    return undefined;
  }
  if (ACTIVE_MARKUP.test(text)) return unsafe('it also contains HTML or a script');
  if (file.bytes.includes(ZIP_HEADER)) return unsafe('it also contains an archive');
  if (file.mimeType === 'image/png') {
    // Eight bytes after "IEND" (its CRC) is where a PNG ends; anything after it is another file riding along.
    const end = file.bytes.lastIndexOf(PNG_END);
    if (end < 0 || file.bytes.length > end + 8) return unsafe('it carries data after the image');
  }
  if (file.mimeType === 'application/pdf') return pdfProblemOf(file.bytes);
  return undefined;
}

/**
 * Why the PDF is unsafe, or undefined: its names, and the names inside its
 * compressed streams, are searched for actions with `#xx` escapes decoded.
 */
function pdfProblemOf(bytes: Buffer): ContentProblem | undefined {
  const decode = (s: string) => s.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const text = bytes.toString('latin1');
  if (PDF_ACTIONS.test(decode(text))) return unsafe('the PDF contains scripts or actions');
  for (const match of text.matchAll(/stream\r?\n/g)) {
    // Inflating stops where the deflate data ends, so what follows (an "endstream", or nothing if the file leaves
    // it out, which a reader repairs) needs no finding.
    const start = match.index + match[0].length;
    let inflated: string;
    try {
      inflated = inflateSync(bytes.subarray(start), { maxOutputLength: MAX_INFLATED_BYTES }).toString('latin1');
    } catch (error) {
      // What inflates past the cap cannot be searched whole, and what is not searched is not let through.
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        return { problem: 'unchecked', why: 'a compressed part of the PDF is too large to check' };
      continue; // Not a deflate stream (an image, or plain): searched as it is above.
    }
    if (PDF_ACTIONS.test(decode(inflated))) return unsafe('the PDF contains scripts or actions');
  }
  return undefined;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
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
