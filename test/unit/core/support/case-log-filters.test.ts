import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../main/core/durations';
import { openTestCore } from '../../../fixtures/core';
import { supportTicket as ticket } from '../../../fixtures/support-ticket';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();

/** Anna's case opened a day before Bruno's, which the operator answered. */
function twoCases() {
  const { core, clock } = openTestCore(tempDir());
  const a = core.support.open(ticket({ email: 'anna@example.com', subject: 'Alfa' }));
  clock.advance(DAY_MS);
  const b = core.support.open(ticket({ email: 'bruno@example.com', subject: 'Beta' }));
  core.support.transition(b.id, 'answered', 'operator');
  const ids = (query: Parameters<typeof core.support.list>[0]) => core.support.list(query).items.map((c) => c.id);
  return { core, clock, a, b, ids };
}

describe('the case log as staff type into its filters', () => {
  it('ignores spaces around what was typed, and the case of a case number, with or without its dash', () => {
    const { core, a, b, ids } = twoCases();
    expect(ids({ filter: { email: '  bruno ' } })).toEqual([b.id]);
    expect(ids({ filter: { description: ' alf  ' } })).toEqual([a.id]);
    expect(ids({ filter: { caseNumber: ` ${a.number.toLowerCase()} ` } })).toEqual([a.id]);
    expect(ids({ filter: { caseNumber: a.number.replace('-', '') } })).toEqual([a.id]);
    core.close();
  });

  it('reads "CS" as the prefix of a case number only in front: typed after the digits it matches nothing', () => {
    const { core, a, ids } = twoCases();
    expect(ids({ filter: { caseNumber: '000001' } })).toEqual([a.id]);
    expect(ids({ filter: { caseNumber: '000001CS' } })).toEqual([]);
    core.close();
  });

  it('takes % and _ as the characters they are, not as wildcards', () => {
    const { core, ids } = twoCases();
    for (const typed of ['%', '_', '\\']) {
      expect(ids({ filter: { email: typed } }), typed).toEqual([]);
      expect(ids({ filter: { description: typed } }), typed).toEqual([]);
      expect(ids({ filter: { caseNumber: typed } }), typed).toEqual([]);
    }
    core.close();
  });

  it('filters from a date with no end, and treats an empty state list as no filter', () => {
    const { core, b, a, ids } = twoCases();
    expect(ids({ filter: { createdFrom: b.createdAt } })).toEqual([b.id]);
    expect(ids({ filter: { states: [] } })).toEqual([b.id, a.id]);
    core.close();
  });

  it('shows a case closed 29 days ago, hides one closed 31 days ago unless closed cases alone are asked for', () => {
    const { core, clock, a, b, ids } = twoCases();
    core.support.close(a.id);
    clock.advance(29 * DAY_MS);
    expect(ids({})).toEqual([b.id, a.id]);
    clock.advance(2 * DAY_MS);
    expect(ids({})).toEqual([b.id]);
    expect(ids({ filter: { states: [] } })).toEqual([b.id]);
    expect(ids({ filter: { states: ['closed', 'answered'] } })).toEqual([b.id]);
    expect(ids({ filter: { states: ['closed'] } })).toEqual([a.id]);
    core.close();
  });

  it('sorts by state and by description, both ways, and counts pages by rounding up', () => {
    const { core, a, b, ids } = twoCases();
    expect(ids({ sort: { by: 'state', direction: 'asc' } })).toEqual([b.id, a.id]);
    expect(ids({ sort: { by: 'state', direction: 'desc' } })).toEqual([a.id, b.id]);
    core.support.edit(a.id, { primaryEmail: 'anna@example.com', cc: [], shortDescription: 'zeta' });
    core.support.edit(b.id, { primaryEmail: 'bruno@example.com', cc: [], shortDescription: 'Alfa' });
    expect(ids({ sort: { by: 'description', direction: 'asc' } })).toEqual([b.id, a.id]);
    core.support.open(ticket({}));
    expect(core.support.list({ pageSize: 2 })).toMatchObject({ total: 3, pages: 2 });
    core.close();
  });

  it("names the export after the store's day, and refuses with a reason when nothing is shown", () => {
    const { core, clock } = twoCases();
    expect(core.support.exportCsv().fileName).toBe('support-cases-2026-11-25.csv');
    // 23:30 UTC is already the next day in Rome: the file is named after the store's day.
    clock.advance(14.5 * 3600_000);
    const rome = { form: 'raw', language: 'en', timeZone: 'Europe/Rome' } as const;
    expect(core.support.exportCsv({}, undefined, rome).fileName).toBe('support-cases-2026-11-26.csv');
    expect(() => core.support.exportCsv({ email: 'nobody' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'nothingToExport' }),
    );
    core.close();
  });
});
