import type { DemoNetwork } from '../../../../main/core/networks/demo-network';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { ATTACHMENTS_DIR_NAME } from '../../../../main/core/counter-core';
import type { NetworkAdapter } from '../../../../main/core/networks/network-adapter';
import {
  DEMO_ANSWER_AFTER_MS,
  DEMO_REOPEN_AFTER_MS,
  DEMO_TAKE_AFTER_MS,
  DEMO_TRANSFER_AFTER_MS,
} from '../../../../main/core/networks/demo-operator';
import { AttachmentError } from '../../../../main/core/support/attachments';
import { CASE_STATES, CASE_TRANSITIONS, CASE_ACTORS, CaseTransitionError, type CaseState } from '../../../../main/core/support/case-states';
import { DAY_MS } from '../../../../main/core/durations';
import { AUTO_CLOSE_AFTER_MS, type NewCase } from '../../../../main/core/support/support-desk';
import { supportAutoClose } from '../../../../main/core/support/support-deadlines';
import { openTestCore } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
/** A real 1×1 PNG: attachments are checked for what their bytes are. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d2b3a30000000049454e44ae426082',
  'hex',
);
const png = (name: string) => ({ fileName: name, mimeType: 'image/png', bytes: PNG });

const ticket = (over: Partial<NewCase> = {}): NewCase => ({
  networkId: 'demo-it',
  subject: 'Scanner non legge',
  email: 'negozio@example.com',
  product: 'scanner',
  requestType: 'technical',
  impact: 'blocked',
  description: 'Lo scanner non legge le etichette. Mario Rossi, mario@example.com',
  ...over,
});

/** A path through the table from open to `state`, with who makes each move. */
const PATHS: Record<CaseState, [CaseState, 'shop' | 'operator' | 'system'][]> = {
  open: [],
  in_progress: [['in_progress', 'operator']],
  answered: [['answered', 'operator']],
  awaiting_operator: [
    ['answered', 'operator'],
    ['awaiting_operator', 'shop'],
  ],
  transferred: [['transferred', 'operator']],
  reopened: [
    ['closed', 'shop'],
    ['reopened', 'operator'],
  ],
  closed: [['closed', 'shop']],
};

describe('support case states', () => {
  it('follow the table of the rules, written out here rather than read from the code', () => {
    const operatorOrShop = ['operator', 'shop'];
    expect(CASE_TRANSITIONS).toEqual({
      open: { in_progress: ['operator'], answered: ['operator'], transferred: ['operator'], closed: operatorOrShop },
      in_progress: { answered: ['operator'], transferred: ['operator'], closed: operatorOrShop },
      answered: { awaiting_operator: ['shop'], in_progress: ['operator'], closed: ['operator', 'shop', 'system'] },
      awaiting_operator: { in_progress: ['operator'], answered: ['operator'], transferred: ['operator'], closed: operatorOrShop },
      transferred: { in_progress: ['operator'], answered: ['operator'], closed: operatorOrShop },
      reopened: { in_progress: ['operator'], answered: ['operator'], transferred: ['operator'], closed: operatorOrShop },
      closed: { reopened: ['operator'] },
    });
  });

  it('allow exactly the moves of the one table, for exactly the actors it names, and refuse every other with a typed error', () => {
    const { core } = openTestCore(tempDir());
    let checked = 0;
    for (const from of CASE_STATES) {
      for (const to of CASE_STATES) {
        for (const actor of CASE_ACTORS) {
          const c = core.support.open(ticket());
          for (const [step, by] of PATHS[from]) core.support.transition(c.id, step, by);
          expect(core.support.get(c.id).state).toBe(from);
          const allowed = CASE_TRANSITIONS[from][to]?.includes(actor) ?? false;
          if (allowed) {
            expect(core.support.transition(c.id, to, actor).state).toBe(to);
          } else {
            expect(() => core.support.transition(c.id, to, actor)).toThrow(CaseTransitionError);
            expect(() => core.support.transition(c.id, to, actor)).toThrow(
              expect.objectContaining({
                reason: from === 'closed' && actor === 'shop' ? 'caseClosed' : 'caseMoveRefused',
                params: { number: c.number },
              }),
            );
            expect(core.support.get(c.id).state).toBe(from);
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(CASE_STATES.length ** 2 * CASE_ACTORS.length);
    core.close();
  });

  it('never let the shop reopen a closed case, by a move or by a reply, and let it open a follow-up instead', () => {
    const { core } = openTestCore(tempDir());
    const c = core.support.close(core.support.open(ticket()).id);
    expect(() => core.support.transition(c.id, 'reopened', 'shop')).toThrow(/open a follow-up/);
    // The screen says so in the staff's language: a reason and the case's number, not main's English.
    expect(() => core.support.transition(c.id, 'reopened', 'shop')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'caseClosed', params: { number: c.number } }),
    );
    const before = core.support.messages(c.id);
    expect(before.map((m) => m.author)).toEqual(['shop', 'system']);
    expect(() => core.support.reply(c.id, 'still broken')).toThrow(CaseTransitionError);
    expect(core.support.messages(c.id)).toEqual(before);
    const followUp = core.support.open(ticket({ subject: `Follow-up of ${c.number}`, followUpOf: c.id }));
    expect(followUp.followUpOf).toEqual({ id: c.id, number: c.number });
    expect(() => core.support.open(ticket({ followUpOf: followUp.id }))).toThrow(/not closed/);
    core.close();
  });

  it('hand an answered case back to the operator when the shop replies', () => {
    const { core } = openTestCore(tempDir());
    const c = core.support.open(ticket());
    core.support.transition(c.id, 'answered', 'operator');
    const after = core.support.reply(c.id, 'Grazie, ma non funziona ancora');
    expect(after.state).toBe('awaiting_operator');
    expect(after.autoCloseAt).toBeNull();
    core.close();
  });
});

describe('the 7-day auto-close', () => {
  it('closes 7 × 24 hours after the answer (a literal, not the constant), and leaves the case open a minute before', () => {
    const sevenDays = 7 * 24 * 60 * 60 * 1000;
    const { core, clock } = openTestCore(tempDir());
    const c = core.support.open(ticket());
    const answeredAt = clock.now();
    core.support.transition(c.id, 'answered', 'operator');
    clock.set(answeredAt + sevenDays - 60_000);
    expect(core.support.sweepAutoClose()).toBe(0);
    expect(core.support.get(c.id).state).toBe('answered');
    clock.set(answeredAt + sevenDays);
    expect(core.support.sweepAutoClose()).toBe(1);
    expect(core.support.get(c.id)).toMatchObject({ state: 'closed', closedAt: answeredAt + sevenDays });
    core.close();
  });

  it('as a deadline of the scheduler, tells the screens only when a sweep closed a case', () => {
    const { core, clock } = openTestCore(tempDir());
    const changed = vi.fn();
    const deadline = supportAutoClose(core.support, changed);
    const c = core.support.open(ticket());
    core.support.transition(c.id, 'answered', 'operator');
    const closesAt = core.support.get(c.id).autoCloseAt!;
    expect(deadline.nextAt(clock.now())).toBe(closesAt);
    deadline.run(closesAt - 1);
    expect(changed).not.toHaveBeenCalled();
    deadline.run(closesAt);
    expect(changed).toHaveBeenCalledOnce();
    expect(core.support.get(c.id).state).toBe('closed');
    core.close();
  });

  it('closes an answered case exactly 7 days after the answer, not a millisecond before', () => {
    const { core, clock } = openTestCore(tempDir());
    const c = core.support.open(ticket());
    const answered = core.support.transition(c.id, 'answered', 'operator');
    expect(answered.autoCloseAt).toBe(clock.now() + AUTO_CLOSE_AFTER_MS);
    expect(core.support.nextAutoCloseAt()).toBe(answered.autoCloseAt);
    clock.advance(AUTO_CLOSE_AFTER_MS - 1);
    expect(core.support.sweepAutoClose()).toBe(0);
    expect(core.support.get(c.id).state).toBe('answered');
    clock.advance(1);
    expect(core.support.sweepAutoClose()).toBe(1);
    expect(core.support.get(c.id)).toMatchObject({ state: 'closed', closedAt: clock.now(), autoCloseAt: null });
    expect(core.support.nextAutoCloseAt()).toBeUndefined();
    core.close();
  });

  it('tells the network the case closed for want of a reply', async () => {
    const { core, clock } = openTestCore(tempDir());
    const demo = core.adapters.demo as DemoNetwork;
    const c = core.support.open(ticket());
    await core.support.sync(c.networkId, demo);
    core.support.transition(c.id, 'answered', 'operator');
    clock.advance(AUTO_CLOSE_AFTER_MS);
    core.support.sweepAutoClose();
    expect(core.support.pending(c.networkId)).toBe(1);
    await core.support.sync(c.networkId, demo);
    expect(demo.supportReceived.at(-1)).toEqual({ kind: 'closed', caseRef: c.number, at: clock.now(), reason: 'no-reply' });
    expect(core.support.pending(c.networkId)).toBe(0);
    core.close();
  });

  it('survives a restart: the deadline is read back from the database', () => {
    const dir = tempDir();
    const first = openTestCore(dir);
    const c = first.core.support.open(ticket());
    const deadline = first.core.support.transition(c.id, 'answered', 'operator').autoCloseAt!;
    first.core.close();

    first.clock.set(deadline - 1);
    const second = openTestCore(dir, first.clock);
    expect(second.core.support.nextAutoCloseAt()).toBe(deadline);
    expect(second.core.support.sweepAutoClose()).toBe(0);
    second.core.close();

    first.clock.set(deadline + DAY_MS);
    const third = openTestCore(dir, first.clock);
    expect(third.core.support.sweepAutoClose()).toBe(1);
    expect(third.core.support.get(c.id).state).toBe('closed');
    third.core.close();
  });

  it('does not close a case the shop replied to', () => {
    const { core, clock } = openTestCore(tempDir());
    const c = core.support.open(ticket());
    core.support.transition(c.id, 'answered', 'operator');
    clock.advance(DAY_MS);
    core.support.reply(c.id, 'risposta');
    clock.advance(AUTO_CLOSE_AFTER_MS);
    expect(core.support.sweepAutoClose()).toBe(0);
    expect(core.support.get(c.id).state).toBe('awaiting_operator');
    core.close();
  });
});

describe('attachments', () => {
  it('copies up to three files into the data folder and refuses a fourth whole, leaving no file and no row', () => {
    const dir = tempDir();
    const { core } = openTestCore(dir);
    const c = core.support.open(ticket());
    core.support.reply(c.id, 'tre file', [png('a.png'), png('b.png'), png('c.png')]);
    const folder = join(dir, ATTACHMENTS_DIR_NAME);
    expect(readdirSync(folder)).toHaveLength(3);
    const before = core.db
      .prepare('SELECT (SELECT count(*) FROM support_messages) AS m, (SELECT count(*) FROM support_attachments) AS a')
      .get();

    let error: unknown;
    try {
      core.support.reply(c.id, 'quattro file', [png('a.png'), png('b.png'), png('c.png'), png('d.png')]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AttachmentError);
    expect((error as AttachmentError).problem).toBe('too-many');
    expect((error as AttachmentError).message).toMatch(/At most 3 attachments per message/);
    expect(readdirSync(folder)).toHaveLength(3);
    expect(
      core.db.prepare('SELECT (SELECT count(*) FROM support_messages) AS m, (SELECT count(*) FROM support_attachments) AS a').get(),
    ).toEqual(before);
    core.close();
  });

  it('removes the copies when the rows cannot be written', () => {
    const dir = tempDir();
    const { core } = openTestCore(dir);
    const c = core.support.open(ticket());
    core.db.exec("CREATE TRIGGER no_attachments BEFORE INSERT ON support_attachments BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    expect(() => core.support.reply(c.id, 'file', [png('a.png')])).toThrow(/disk says no/);
    const folder = join(dir, ATTACHMENTS_DIR_NAME);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    expect(core.support.messages(c.id)).toHaveLength(1);
    core.close();
  });

  it('refuses a file too large or of a type that is not allowed, or whose bytes lie about it', () => {
    const { core } = openTestCore(tempDir());
    const c = core.support.open(ticket());
    expect(() =>
      core.support.reply(c.id, 'x', [
        { fileName: 'big.png', mimeType: 'image/png', bytes: Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]) },
      ]),
    ).toThrow(/larger than/);
    expect(() =>
      core.support.reply(c.id, 'x', [{ fileName: 'run.exe', mimeType: 'application/octet-stream', bytes: Buffer.from('MZ') }]),
    ).toThrow(/only PNG/);
    expect(() => core.support.reply(c.id, 'x', [{ fileName: 'fake.png', mimeType: 'image/png', bytes: Buffer.from('hello') }])).toThrow(
      /not really/,
    );
    expect(core.support.messages(c.id)).toHaveLength(1);
    core.close();
  });
});

describe('the case log', () => {
  it('exports every match when there are more than a page of them: the CSV has `total` rows', () => {
    const { core, clock } = openTestCore(tempDir());
    for (let i = 0; i < 23; i++) {
      clock.advance(60_000);
      core.support.open(ticket({ subject: `Caso ${i}`, description: `Etichetta illeggibile #${i}` }));
    }
    core.support.open(ticket({ subject: 'Altro', description: 'Stampante ferma' }));
    const filter = { description: 'illeggibile' };
    const { total, pageSize, pages } = core.support.list({ filter });
    expect(total).toBe(23);
    expect(total).toBeGreaterThan(pageSize);
    expect(total % pageSize).not.toBe(0);
    const shown = Array.from({ length: pages }, (_, i) => core.support.list({ filter, page: i + 1 }).items).flat();
    const { csv, count } = core.support.exportCsv(filter);
    const rows = parse(csv, { columns: true }) as { case_id: string }[];
    expect(count).toBe(total);
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => r.case_id)).toEqual(shown.map((c) => c.number));
    core.close();
  });

  it('exports exactly the filtered cases across every page, with commas, quotes and newlines intact', () => {
    const { core, clock } = openTestCore(tempDir());
    const tricky = ['Etichetta "rotta", non si legge', 'riga uno\nriga due, con virgola', 'semplice'];
    for (let i = 0; i < 25; i++) {
      clock.advance(60_000);
      core.support.open(
        ticket({ subject: `Caso ${i}`, description: `${tricky[i % 3]} #${i}`, requestType: i % 2 ? 'commercial' : 'technical' }),
      );
    }
    for (const id of [2, 4, 6]) core.support.transition(id, 'in_progress', 'operator');
    const filter = { description: 'virgola' };
    const pages = [1, 2, 3].flatMap(
      (page) => core.support.list({ filter, page, pageSize: 3, sort: { by: 'number', direction: 'asc' } }).items,
    );
    expect(pages.length).toBeGreaterThan(3);
    const { csv, count } = core.support.exportCsv(filter, { by: 'number', direction: 'asc' });
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(count).toBe(pages.length);
    expect(rows.map((r) => r.case_id)).toEqual(pages.map((c) => c.number));
    expect(rows.map((r) => r.description)).toEqual(pages.map((c) => c.description));
    expect(rows.every((r) => r.description!.includes('\n') && r.description!.includes(','))).toBe(true);

    const inProgress = core.support.exportCsv({ states: ['in_progress'] });
    expect((parse(inProgress.csv, { columns: true }) as { case_id: string }[]).map((r) => r.case_id).sort()).toEqual([
      'CS-000002',
      'CS-000004',
      'CS-000006',
    ]);
    expect(() => core.support.exportCsv({ email: 'nobody@nowhere' })).toThrow(/nothing to export/);
    core.close();
  });

  it('exports for a spreadsheet in the shop\'s language: byte-order mark, translated headers and states, local dates, ";" in Italian and French', () => {
    const { core, clock } = openTestCore(tempDir());
    clock.set(Date.UTC(2026, 11, 1, 14, 28));
    const c = core.support.open(ticket({ email: 'anna@example.com', subject: 'Scanner', description: 'Legge; a volte' }));
    core.support.transition(c.id, 'in_progress', 'operator');
    const it = core.support.exportCsv({}, undefined, { form: 'spreadsheet', language: 'it', timeZone: 'Europe/Rome' }).csv;
    expect(it.startsWith('\uFEFF')).toBe(true);
    const [header, row] = it.slice(1).split('\r\n');
    expect(header).toBe('Creata il;Numero richiesta;Stato;Email principale;Descrizione breve;Descrizione');
    expect(row).toBe('01/12/2026 15:28;CS-000001;In gestione;anna@example.com;Scanner;"Legge; a volte"');
    const en = core.support.exportCsv({}, undefined, { form: 'spreadsheet', language: 'en', timeZone: 'Europe/London' }).csv;
    expect(en.slice(1).split('\r\n')[1]).toBe('01/12/2026 14:28,CS-000001,In progress,anna@example.com,Scanner,Legge; a volte');
    const raw = core.support.exportCsv({}, undefined, { form: 'raw', language: 'fr', timeZone: 'Europe/Paris' }).csv;
    expect(raw.split('\r\n')[1]).toBe('2026-12-01T14:28:00.000Z,CS-000001,in_progress,anna@example.com,Scanner,Legge; a volte');
    core.close();
  });

  it('keeps descriptions that a spreadsheet would run as formulas as text, even behind whitespace or a line break', () => {
    const { core } = openTestCore(tempDir());
    const formulas = ['=HYPERLINK("http://evil.example")', ' =1+1', '\n=1+1', '\t@SUM(A1)', '  +cmd|calc'];
    for (const description of formulas) core.support.open(ticket({ description }));
    const rows = parse(core.support.exportCsv({}, { by: 'number', direction: 'asc' }).csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.description)).toEqual(formulas.map((f) => `'${f}`));
    core.close();
  });

  it('filters by date, case ID, state, email and description, sorts, and pages', () => {
    const { core, clock } = openTestCore(tempDir());
    const a = core.support.open(ticket({ email: 'anna@example.com', subject: 'Alfa' }));
    clock.advance(DAY_MS);
    const b = core.support.open(ticket({ email: 'bruno@example.com', subject: 'Beta' }));
    core.support.transition(b.id, 'answered', 'operator');
    expect(core.support.list({ filter: { email: 'bruno' } }).items.map((c) => c.id)).toEqual([b.id]);
    expect(core.support.list({ filter: { caseNumber: a.number } }).items.map((c) => c.id)).toEqual([a.id]);
    expect(core.support.list({ filter: { states: ['answered'] } }).items.map((c) => c.id)).toEqual([b.id]);
    expect(core.support.list({ filter: { createdFrom: a.createdAt, createdTo: a.createdAt + 1 } }).items.map((c) => c.id)).toEqual([a.id]);
    expect(core.support.list({ filter: { description: 'alf' } }).items.map((c) => c.id)).toEqual([a.id]);
    expect(core.support.list({ sort: { by: 'createdAt', direction: 'asc' } }).items.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(core.support.list({ sort: { by: 'email', direction: 'desc' } }).items.map((c) => c.id)).toEqual([b.id, a.id]);
    expect(core.support.list({ pageSize: 1, page: 2 })).toMatchObject({ total: 2, pages: 2, page: 2 });
    expect(core.support.counters()).toEqual({ all: 2, open: 1, inProgress: 0, awaitingReply: 1, closed: 0 });
    expect(core.support.counters({ email: 'bruno' })).toEqual({ all: 1, open: 0, inProgress: 0, awaitingReply: 1, closed: 0 });
    core.close();
  });

  it('counts in each counter what clicking it shows: All leaves out cases closed long ago, Closed shows them', () => {
    const { core, clock } = openTestCore(tempDir());
    const old = core.support.close(core.support.open(ticket()).id);
    clock.advance(31 * DAY_MS);
    core.support.open(ticket());
    const counters = core.support.counters();
    expect(counters).toEqual({ all: 1, open: 1, inProgress: 0, awaitingReply: 0, closed: 1 });
    expect(core.support.list().total).toBe(counters.all);
    expect(core.support.list({ filter: { states: ['closed'] } }).items.map((c) => c.id)).toEqual([old.id]);
    core.close();
  });

  it('hides cases closed more than 30 days ago unless asked', () => {
    const { core, clock } = openTestCore(tempDir());
    const c = core.support.close(core.support.open(ticket()).id);
    clock.advance(31 * DAY_MS);
    expect(core.support.list().total).toBe(0);
    expect(core.support.list({ filter: { includeOld: true } }).items.map((x) => x.id)).toEqual([c.id]);
    core.close();
  });

  it('edits the primary email (the owner), CC and short description', () => {
    const { core } = openTestCore(tempDir());
    core.support.addCollaborator('Anna', 'anna@example.com');
    const [anna] = core.support.collaborators();
    const c = core.support.open(ticket({ email: undefined, collaboratorId: anna!.id }));
    expect(c).toMatchObject({ primaryEmail: 'anna@example.com', collaboratorId: anna!.id });
    const edited = core.support.edit(c.id, {
      primaryEmail: 'capo@example.com',
      cc: ['anna@example.com', 'capo@example.com'],
      shortDescription: 'Nuovo oggetto',
    });
    expect(edited).toMatchObject({
      primaryEmail: 'capo@example.com',
      collaboratorId: null,
      cc: ['anna@example.com'],
      shortDescription: 'Nuovo oggetto',
    });
    expect(() => core.support.open(ticket())).toThrow(/collaborator list/);
    core.close();
  });

  it('takes the email from the description when the shop has no collaborator list, and asks for it when there is none', () => {
    const { core } = openTestCore(tempDir());
    expect(
      core.support.open(ticket({ email: undefined, description: 'Scanner rotto. Mario Rossi, mario.rossi@example.com' })).primaryEmail,
    ).toBe('mario.rossi@example.com');
    expect(() => core.support.open(ticket({ email: undefined, description: 'Scanner rotto' }))).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        issues: [
          { field: 'name', reason: 'required' },
          { field: 'email', reason: 'required' },
        ],
      }),
    );
    core.close();
  });

  it('takes the name and email from their own fields when the shop has no collaborator list, and signs the description with them', () => {
    const { core } = openTestCore(tempDir());
    const c = core.support.open(ticket({ name: 'Mario Rossi', email: 'mario.rossi@example.com', description: 'Scanner rotto' }));
    expect(c).toMatchObject({
      primaryEmail: 'mario.rossi@example.com',
      description: 'Scanner rotto\n\nMario Rossi <mario.rossi@example.com>',
    });
    core.close();
  });
});

describe('travelling through the network adapter', () => {
  it('queues cases, replies and call-back requests while the network is down and sends them once it is up', async () => {
    const { core } = openTestCore(tempDir());
    const c = core.support.open(ticket());
    const callback = core.support.requestCallback('02 1234 5678', 'IT');
    expect(callback.phone).toBe('+390212345678');
    expect(() => core.support.requestCallback('12', 'IT')).toThrow(/not a valid phone number/);
    const down: NetworkAdapter = {
      pullManifest: async () => ({ items: [], cursor: '' }),
      pushEvents: async () => {},
      pushSupport: async () => Promise.reject(new Error('offline')),
      pullSupport: async () => [],
    };
    await expect(core.support.sync('demo-it', down)).rejects.toThrow('offline');
    expect(core.support.pending('demo-it')).toBe(2);
    expect(core.support.get(c.id).sentAt).toBeNull();
    expect(await core.support.sync('demo-it', core.adapters.demo!)).toMatchObject({ sent: 2 });
    expect(core.support.pending('demo-it')).toBe(0);
    expect(core.support.callbacks()[0]!.sentAt).not.toBeNull();
  });

  it('lets the demo operator take the case and answer it on the clock, once', async () => {
    const { core, clock } = openTestCore(tempDir());
    const demo = core.adapters.demo!;
    const c = core.support.open(ticket());
    await core.support.sync('demo-it', demo);
    expect(demo.nextSupportUpdateAt!('demo-it')).toBe(clock.now() + DEMO_TAKE_AFTER_MS);
    clock.advance(DEMO_TAKE_AFTER_MS);
    await core.support.sync('demo-it', demo);
    expect(core.support.get(c.id).state).toBe('in_progress');
    clock.advance(DEMO_ANSWER_AFTER_MS);
    await core.support.sync('demo-it', demo);
    expect(core.support.get(c.id).state).toBe('answered');
    expect(core.support.messages(c.id).at(-1)).toMatchObject({ author: 'operator' });
    const answerId = core.db
      .prepare<[], { remote_id: string }>("SELECT remote_id FROM support_messages WHERE author = 'operator' ORDER BY id DESC")
      .get()!.remote_id;
    expect(core.support.apply({ id: answerId, caseRef: c.number, kind: 'answered', at: 0 })).toBe(false);

    // A reply hands the case back; the operator takes and answers it again (its steps are new updates, not replays).
    core.support.reply(c.id, 'Non funziona ancora');
    await core.support.sync('demo-it', demo);
    clock.advance(DEMO_ANSWER_AFTER_MS);
    await core.support.sync('demo-it', demo);
    expect(core.support.get(c.id).state).toBe('answered');
    expect(core.support.messages(c.id).filter((m) => m.author === 'operator')).toHaveLength(4);
    core.close();
  });

  it('in training shows every state: the demo operator transfers a commercial case, and reopens one the shop closed before its answer', async () => {
    const { core, clock } = openTestCore(tempDir());
    const demo = core.adapters.demo!;
    const seen = new Set<CaseState>();
    const commercial = core.support.open(ticket({ requestType: 'commercial' }));
    const closedEarly = core.support.open(ticket());
    const step = async (ms: number) => {
      clock.advance(ms);
      await core.support.sync('demo-it', demo);
      for (const c of [commercial, closedEarly]) seen.add(core.support.get(c.id).state);
    };
    await step(0);
    await step(DEMO_TAKE_AFTER_MS);
    expect(core.support.get(commercial.id).state).toBe('in_progress');
    core.support.close(closedEarly.id);
    await step(0);
    expect(core.support.pending('demo-it')).toBe(0);
    await step(DEMO_TRANSFER_AFTER_MS - DEMO_TAKE_AFTER_MS);
    expect(core.support.get(commercial.id).state).toBe('transferred');
    await step(DEMO_REOPEN_AFTER_MS);
    expect(core.support.get(closedEarly.id).state).toBe('reopened');
    await step(DEMO_ANSWER_AFTER_MS);
    expect(core.support.get(commercial.id).state).toBe('answered');
    expect(core.support.get(closedEarly.id).state).toBe('answered');
    core.support.reply(commercial.id, 'Thanks, one more question');
    await step(0);
    await step(AUTO_CLOSE_AFTER_MS);
    core.support.sweepAutoClose();
    for (const c of [commercial, closedEarly]) seen.add(core.support.get(c.id).state);
    expect([...seen].sort()).toEqual([...CASE_STATES].sort());
    expect(core.support.messages(closedEarly.id).map((m) => m.kind)).toContain('closed-by-shop');
    core.close();
  });
});
