import { describe, expect, it } from 'vitest';
import { AttachmentError, checkAttachments } from '../../../../main/core/support/attachments';
import { file, JPEG, PNG, pdf, pdfWithCompressed } from '../../../fixtures/attachment-files';
import { refusal } from '../../../fixtures/refusal';

const MIB = 1024 * 1024;
const refusedAs = (files: ReturnType<typeof file>[]) => refusal(() => checkAttachments(files)) as AttachmentError;

describe('a refused attachment tells staff which file and why, in their language', () => {
  it.each([
    ['an empty file', file('notes.txt', 'text/plain', ''), 'empty', 'attachmentEmpty', { file: 'notes.txt' }, 'notes.txt is empty'],
    [
      'a file one byte over 1 MB',
      file('log.txt', 'text/plain', Buffer.alloc(MIB + 1, 'a')),
      'too-large',
      'attachmentTooLarge',
      { file: 'log.txt', size: 1 },
      'log.txt is larger than 1 MB',
    ],
    [
      'a type not on the list',
      file('page.html', 'text/html', 'hi'),
      'type',
      'attachmentType',
      { file: 'page.html' },
      'page.html: only PNG, JPEG, PDF, TXT and CSV files can be attached',
    ],
    [
      'a PNG whose bytes are text',
      file('photo.png', 'image/png', 'hello'),
      'type',
      'attachmentType',
      { file: 'photo.png' },
      'photo.png is not really of type image/png',
    ],
    [
      'a program in a text file',
      file('notes.txt', 'text/plain', '#!/bin/sh\n'),
      'unsafe',
      'attachmentUnsafe',
      { file: 'notes.txt' },
      'notes.txt cannot be attached: it is a program or a script',
    ],
    [
      'a name that is only a dot file',
      file('.notes.txt', 'text/plain', 'hi'),
      'name',
      'attachmentName',
      {},
      'An attached file has no usable name',
    ],
  ])('%s', (_what, f, problem, reason, params, log) => {
    const error = refusedAs([f]);
    expect(error).toBeInstanceOf(AttachmentError);
    expect(error).toMatchObject({ name: 'AttachmentError', problem, code: 'BAD_INPUT', reason, params, message: log });
    expect(error.issues).toEqual([{ field: 'attachments', reason, params }]);
  });

  it('a fourth file: at most 3, and nothing was sent', () => {
    const error = refusedAs([
      file('a.txt', 'text/plain', 'a'),
      file('b.txt', 'text/plain', 'b'),
      file('c.txt', 'text/plain', 'c'),
      file('d.txt', 'text/plain', 'd'),
    ]);
    expect(error).toMatchObject({
      problem: 'too-many',
      reason: 'attachmentsTooMany',
      params: { max: 3 },
      message: 'At most 3 attachments per message (got 4); nothing was sent',
    });
    expect(error.issues).toEqual([{ field: 'attachments', reason: 'attachmentsTooMany', params: { max: 3 } }]);
  });
});

describe('the limits are where the rules say', () => {
  it('takes a file of exactly 1 MB (1,048,576 bytes), and three files', () => {
    const exactlyOneMb = file('log.txt', 'text/plain', Buffer.alloc(MIB, 'a'));
    expect(checkAttachments([exactlyOneMb, file('b.txt', 'text/plain', 'b'), file('c.csv', 'text/csv', 'c')])).toHaveLength(3);
  });

  it('gives the files back with their names cleaned and trimmed, bytes untouched', () => {
    expect(checkAttachments([file('  notes.txt\u200b ', 'text/plain', 'hi')])).toEqual([file('notes.txt', 'text/plain', 'hi')]);
  });

  it.each([
    ['blank', '   '],
    ['only invisible characters', '\u202e\u0000'],
    ['a dot file', '.notes.txt'],
    ['a dot file behind spaces', '  .notes.txt'],
  ])('refuses a name that is %s', (_what, fileName) => {
    expect(refusedAs([file(fileName, 'text/plain', 'hi')]).problem).toBe('name');
  });
});

describe('a text file must be plain text', () => {
  it.each([
    ['a NUL byte in valid UTF-8', 'a\u0000b', 'it is not a text file'],
    ['bytes that are not UTF-8', Buffer.from([0x68, 0x69, 0xff]), 'it is not a text file'],
    ['a Windows program header spelt in text', 'MZ and then some text', 'it is a program or a script'],
    ['a script line', '#!/usr/bin/env node\n', 'it is a program or a script'],
    ['an HTML page', '<html lang="it">', 'it contains HTML or a script'],
    ['a script tag', 'ok\n<script>', 'it contains HTML or a script'],
    ['a closing-free iframe', '<iframe/src=x', 'it contains HTML or a script'],
    ['an SVG', '<svg\nonload=x>', 'it contains HTML or a script'],
    ['PHP', '<?php system($_GET[0]);', 'it contains HTML or a script'],
    ['an object', '<OBJECT data=x>', 'it contains HTML or a script'],
    ['an embed', '<embed src=x>', 'it contains HTML or a script'],
    ['a body', '<body onload=x>', 'it contains HTML or a script'],
    ['a javascript: link in a CSV cell', 'id;link\n1;JavaScript:alert(1)\n', 'it contains HTML or a script'],
  ])('refuses %s', (_what, bytes, why) => {
    const error = refusedAs([file('notes.txt', 'text/plain', bytes)]);
    expect(error.problem).toBe('unsafe');
    expect(error.message).toBe(`notes.txt cannot be attached: ${why}`);
  });

  it.each([
    ['words that only look like tags', 'Il <scriptorium> e <htmlfoo> non sono tag; 3 < 4\n'],
    ['"MZ" and "#!" later in the text', 'Modello MZ-200 #!\n'],
  ])('takes %s', (_what, text) => {
    expect(checkAttachments([file('notes.txt', 'text/plain', text)])).toHaveLength(1);
  });
});

describe('an image or PDF must be that and nothing more', () => {
  it.each([
    [
      'a JPEG carrying a ZIP',
      file('photo.jpg', 'image/jpeg', Buffer.concat([JPEG, Buffer.from('PK\x03\x04\x14\x00', 'latin1')])),
      'it also contains an archive',
    ],
    [
      'a JPEG with a script',
      file('photo.jpg', 'image/jpeg', Buffer.concat([JPEG, Buffer.from('<script>')])),
      'it also contains HTML or a script',
    ],
    ['a PNG without its end', file('photo.png', 'image/png', PNG.subarray(0, 40)), 'it carries data after the image'],
    ['a PNG that is only its first four bytes', file('photo.png', 'image/png', PNG.subarray(0, 4)), 'it carries data after the image'],
    [
      'a PNG with one byte after its end',
      file('photo.png', 'image/png', Buffer.concat([PNG, Buffer.from([0])])),
      'it carries data after the image',
    ],
    [
      'a PNG whose first "IEND" is not its end',
      file('photo.png', 'image/png', Buffer.concat([PNG, Buffer.from('IEND'), Buffer.alloc(9)])),
      'it carries data after the image',
    ],
  ])('refuses %s', (_what, f, why) => {
    const error = refusedAs([f]);
    expect(error.problem).toBe('unsafe');
    expect(error.message).toBe(`${f.fileName} cannot be attached: ${why}`);
  });

  it('takes a JPEG whose image data happens to spell a PDF action name', () => {
    expect(checkAttachments([file('photo.jpg', 'image/jpeg', Buffer.concat([JPEG, Buffer.from('/JS /Launch')]))])).toHaveLength(1);
  });

  it('takes a PNG that ends at its end and a JPEG with "PK" but no archive header', () => {
    const jpeg = Buffer.concat([JPEG, Buffer.from('PK\x03\x05', 'latin1')]);
    expect(checkAttachments([file('photo.png', 'image/png', PNG), file('photo.jpg', 'image/jpeg', jpeg)])).toHaveLength(2);
  });
});

describe('a PDF must not carry actions', () => {
  const refusedPdf = (bytes: Buffer) => {
    const error = refusedAs([file('label.pdf', 'application/pdf', bytes)]);
    expect(error.problem).toBe('unsafe');
    return error.message;
  };

  it.each([
    ['JavaScript', '/OpenAction << /S /JavaScript /JS (x) >>'],
    ['a JS entry alone', '/AA << /O << /JS (x) >> >>'],
    ['an action that launches', '/OpenAction << /S /Launch >>'],
    ['one embedded file', '/AF [<< /Type /EmbeddedFile >>]'],
    ['rich media', '/Annots [<< /Subtype /RichMedia >>]'],
    ['an XFA form', '/AcroForm << /XFA 4 0 R >>'],
    ['a form that submits', '/OpenAction << /S /SubmitForm >>'],
    ['data imported', '/OpenAction << /S /ImportData >>'],
    ['a jump into an embedded file', '/OpenAction << /S /GoToE >>'],
    ['a name with uppercase #xx escapes', '/OpenAction << /S /#4AS (x) >>'],
    ['a name with lowercase #xx escapes', '/OpenAction << /S /#4aavaScript >>'],
  ])('refuses %s', (_what, body) => {
    expect(refusedPdf(pdf(body))).toBe('label.pdf cannot be attached: the PDF contains scripts or actions');
  });

  it('refuses an action in a compressed stream after a stream that is not compressed', () => {
    const plain = Buffer.from('%PDF-1.7\n4 0 obj\n<< /Length 5 >>\nstream\nhello\nendstream\nendobj\n', 'latin1');
    expect(refusedPdf(Buffer.concat([plain, pdfWithCompressed('/S /JavaScript').subarray(9)]))).toMatch(/scripts or actions/);
  });

  it('refuses an action in a compressed stream whose line ends are CR LF', () => {
    const crlf = Buffer.from(pdfWithCompressed('/S /Launch').toString('latin1').replace('stream\n', 'stream\r\n'), 'latin1');
    expect(refusedPdf(crlf)).toMatch(/scripts or actions/);
  });

  it('finds an action deep in a stream that inflates to 5 MB', () => {
    expect(refusedPdf(pdfWithCompressed(`${' '.repeat(5 * MIB)}/S /JavaScript`))).toMatch(/scripts or actions/);
  });

  it('refuses an action in a compressed stream whose "endstream" is missing, as a reader repairs it', () => {
    expect(refusedPdf(pdfWithCompressed('/S /JavaScript', { endstream: false }))).toMatch(/scripts or actions/);
  });

  it('refuses a PDF with a stream that inflates past what can be searched (8 MB), rather than let its end through unread, and says so', () => {
    const error = refusedAs([file('label.pdf', 'application/pdf', pdfWithCompressed(`${' '.repeat(9 * MIB)}/S /JavaScript`))]);
    // Staff are told the file could not be checked, not that it holds a script: it may well be a harmless large page.
    expect(error).toMatchObject({ problem: 'unchecked', reason: 'attachmentUnchecked', params: { file: 'label.pdf' } });
    expect(error.message).toBe('label.pdf cannot be attached: a compressed part of the PDF is too large to check');
  });

  it.each([
    ['names that only begin like an action', '/Resources << /Font << /JSans 3 0 R /Launchpad 4 0 R >> >> /GoTo 5 0 R'],
    ['an escape that is not one', '/Title (#zz)'],
  ])('takes a PDF with %s', (_what, body) => {
    expect(checkAttachments([file('label.pdf', 'application/pdf', pdf(body))])).toHaveLength(1);
  });

  it('takes a PDF with a stream that is not compressed, and one that is and holds no action', () => {
    const plain = Buffer.from('%PDF-1.7\n4 0 obj\n<< /Length 5 >>\nstream\nhello\nendstream\nendobj\n', 'latin1');
    expect(checkAttachments([file('label.pdf', 'application/pdf', plain)])).toHaveLength(1);
    expect(checkAttachments([file('label.pdf', 'application/pdf', pdfWithCompressed('BT /F1 12 Tf (Etichetta) Tj ET'))])).toHaveLength(1);
  });
});
