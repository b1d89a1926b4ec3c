import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ATTACHMENTS_DIR_NAME, type CounterCore } from '../../../../main/core/counter-core';
import { actAs } from '../../../../main/core/staff/acting-staff';
import { CaseTransitionError } from '../../../../main/core/support/case-states';
import { file, PNG } from '../../../fixtures/attachment-files';
import { openTestCore, TEST_START } from '../../../fixtures/core';
import { refusal } from '../../../fixtures/refusal';
import { supportTicket } from '../../../fixtures/support-ticket';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function setup() {
  const dir = tempDir();
  const { core, clock } = openTestCore(dir);
  opened.push(core);
  const c = core.support.open(supportTicket());
  const stored = () => readdirSync(join(dir, ATTACHMENTS_DIR_NAME));
  return { core, clock, caseId: c.id, stored };
}

describe("a case's messages", () => {
  it('each show their own files only, with name, type and size, in the order they were written', () => {
    const { core, clock, caseId } = setup();
    clock.advance(60_000);
    core.support.reply(caseId, 'la foto', [file('foto.png', 'image/png', PNG)]);
    clock.advance(60_000);
    core.support.reply(caseId, 'il log e la lista', [
      file('scanner.log', 'text/plain', 'errore 42\n'),
      file('pacchi.csv', 'text/csv', 'id\n1\n'),
    ]);

    const [description, photo, logs] = core.support.messages(caseId);
    expect(description).toMatchObject({ author: 'shop', kind: 'message', createdAt: TEST_START, sentAt: null, attachments: [] });
    expect(photo).toMatchObject({ author: 'shop', kind: 'message', body: 'la foto', createdAt: TEST_START + 60_000, sentAt: null });
    expect(photo!.attachments.map(({ fileName, mimeType, sizeBytes }) => ({ fileName, mimeType, sizeBytes }))).toEqual([
      { fileName: 'foto.png', mimeType: 'image/png', sizeBytes: 70 },
    ]);
    expect(logs).toMatchObject({ body: 'il log e la lista', createdAt: TEST_START + 120_000 });
    expect(logs!.attachments.map(({ fileName, mimeType, sizeBytes }) => ({ fileName, mimeType, sizeBytes }))).toEqual([
      { fileName: 'scanner.log', mimeType: 'text/plain', sizeBytes: 10 },
      { fileName: 'pacchi.csv', mimeType: 'text/csv', sizeBytes: 5 },
    ]);
    expect(photo!.id).toBeLessThan(logs!.id);
  });

  it('show when a reply reached the network', async () => {
    const { core, clock, caseId } = setup();
    core.support.reply(caseId, 'un dettaglio');
    expect(core.support.messages(caseId).at(-1)!.sentAt).toBeNull();
    clock.advance(60_000);
    await core.support.sync('demo-it', core.adapters.demo!);
    expect(core.support.messages(caseId).at(-1)!.sentAt).toBe(TEST_START + 60_000);
  });

  it('of a case that does not exist are refused as not found, not shown as none', () => {
    const { core } = setup();
    expect(refusal(() => core.support.messages(999)).code).toBe('NOT_FOUND');
  });
});

describe("the shop's reply", () => {
  it('to an open case keeps its state and marks it changed at the reply', () => {
    const { core, clock, caseId } = setup();
    clock.advance(5 * 60_000);
    const after = core.support.reply(caseId, 'un dettaglio');
    expect(after).toMatchObject({ state: 'open', updatedAt: TEST_START + 5 * 60_000 });
  });

  it('names the person who wrote it', async () => {
    const { core, caseId } = setup();
    const anna = await core.staff.add('Anna', 'clerk', '2468');
    actAs(anna.id, () => core.support.reply(caseId, 'scrive Anna'));
    expect(core.db.prepare("SELECT actor_id FROM support_messages WHERE body = 'scrive Anna'").get()).toEqual({ actor_id: anna.id });
  });

  it('keeps a copy of each file under a name of its own (never the name staff gave), with the extension in lower case', () => {
    const { core, caseId, stored } = setup();
    core.support.reply(caseId, 'foto', [file('FOTO.PNG', 'image/png', PNG)]);
    const [copy] = stored();
    expect(copy).toMatch(/^[0-9a-f]{24}\.png$/);
    expect(core.db.prepare('SELECT stored_name FROM support_attachments').get()).toEqual({ stored_name: copy });
  });

  it('to a closed case is refused as closed before its files are even looked at', () => {
    const { core, caseId } = setup();
    core.support.close(caseId);
    const five = Array.from({ length: 5 }, (_, i) => file(`${i}.png`, 'image/png', PNG));
    expect(refusal(() => core.support.reply(caseId, 'ancora rotto', five))).toBeInstanceOf(CaseTransitionError);
  });

  it('with a file main made itself is refused on a closed case too, and leaves no copy behind', () => {
    const { core, caseId, stored } = setup();
    core.support.close(caseId);
    const before = core.support.messages(caseId);
    const zip = file('diagnostics.zip', 'application/zip', 'PK\x03\x04');
    expect(refusal(() => core.support.replyWithGeneratedFile(caseId, 'diagnostica', zip))).toBeInstanceOf(CaseTransitionError);
    expect(core.support.messages(caseId)).toEqual(before);
    expect(stored()).toEqual([]);
  });

  it('with a file main made itself is not held to the upload rules', () => {
    const { core, caseId } = setup();
    const zip = file('diagnostics.zip', 'application/zip', Buffer.alloc(2 * 1024 * 1024, 1));
    core.support.replyWithGeneratedFile(caseId, 'diagnostica', zip);
    expect(core.support.messages(caseId).at(-1)!.attachments).toMatchObject([
      { fileName: 'diagnostics.zip', mimeType: 'application/zip', sizeBytes: 2 * 1024 * 1024 },
    ]);
  });
});

describe('an attached file', () => {
  it('is given back with its name, type and the very bytes sent', () => {
    const { core, caseId } = setup();
    core.support.reply(caseId, 'log', [file('scanner.log', 'text/plain', 'errore 42\n')]);
    const [attached] = core.support.messages(caseId).at(-1)!.attachments;
    expect(core.support.attachment(attached!.id)).toEqual({
      fileName: 'scanner.log',
      mimeType: 'text/plain',
      bytes: Buffer.from('errore 42\n'),
    });
  });

  it('that does not exist is refused as not found', () => {
    const { core } = setup();
    expect(refusal(() => core.support.attachment(999))).toMatchObject({ code: 'NOT_FOUND', message: 'No attachment 999' });
  });
});
