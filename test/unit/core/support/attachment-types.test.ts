import { describe, expect, it } from 'vitest';
import { checkAttachments } from '../../../../main/core/support/attachments';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PDF = Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1');
const TEXT = Buffer.from('scanner log\n');
const file = (fileName: string, mimeType: string, bytes: Buffer) => ({ fileName, mimeType, bytes });
const problemOf = (f: ReturnType<typeof file>) => {
  try {
    checkAttachments([f]);
    return undefined;
  } catch (error) {
    return (error as { problem?: string }).problem;
  }
};

describe('the kinds of file a support message takes', () => {
  it.each([
    file('photo.jpg', 'image/jpeg', JPEG),
    file('photo.JPEG', 'image/jpeg', JPEG),
    file('label.pdf', 'application/pdf', PDF),
    file('notes.txt', 'text/plain', TEXT),
    file('counter.log', 'text/plain', TEXT),
    file('parcels.csv', 'text/csv', Buffer.from('id;state\n1;received\n')),
  ])('takes $fileName as $mimeType', (f) => {
    expect(problemOf(f)).toBeUndefined();
  });

  it.each([
    ['a JPEG whose bytes are not a JPEG', file('photo.jpg', 'image/jpeg', TEXT)],
    ['a PDF whose bytes are not a PDF', file('label.pdf', 'application/pdf', Buffer.from('%PDX-1.7\n'))],
    ['a JPEG named as a PDF', file('photo.pdf', 'image/jpeg', JPEG)],
    ['a CSV named as text', file('parcels.txt', 'text/csv', TEXT)],
    ['a file with no extension', file('photo', 'image/jpeg', JPEG)],
    ['a type not on the list', file('page.html', 'text/html', TEXT)],
  ])('refuses %s as of the wrong type', (_what, f) => {
    expect(problemOf(f)).toBe('type');
  });
});
