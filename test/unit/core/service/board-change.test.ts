import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBoardChange } from '../../../../main/core/service/board-change-calc';
import { nextDate } from '../../../../main/core/zoned-time-calc';
import { CoreError } from '../../../../main/core/errors';
import { ACTOR, useServiceDesk } from './service-fixture';

const { start } = useServiceDesk();
const MONDAY = '2026-11-23';

const move = fc.oneof(
  fc.record({
    kind: fc.constant('drop' as const),
    line: fc.nat(1),
    to: fc.constantFrom('anna', 'bruno', 'TEAM'),
    // Some days fall outside the week shown: the week's rows must not change then.
    day: fc.integer({ min: -1, max: 7 }),
    hours: fc.integer({ min: 1, max: 5 }),
    // Mostly with a reason: a move of an allocated line needs one.
    reason: fc.constantFrom(true, true, false),
  }),
  fc.record({ kind: fc.constant('cancel' as const), line: fc.nat(1) }),
);

describe('a drop on the board answers with what changed, built by the same code as the whole board', () => {
  it('the board patched with the answer equals the week built afresh, after any sequence of drops and cancels', async () => {
    const { core, ids } = await start();
    const s = core.service;
    fc.assert(
      fc.property(fc.array(move, { minLength: 1, maxLength: 6 }), (moves) => {
        // Each run starts from the same desk: its writes are rolled back (the desk's own transactions nest as savepoints).
        core.db.exec('BEGIN');
        try {
          run(moves);
        } finally {
          core.db.exec('ROLLBACK');
        }
      }),
      { numRuns: 60 },
    );

    function run(moves: (typeof move extends fc.Arbitrary<infer T> ? T : never)[]): void {
      const plain = s.items.save({ ...s.items.get(ids.boiler), serial: 'SN-0002', groupCode: null, skills: null, troubleshooting: null });
      const lines = [ids.boiler, plain.id, ids.boiler].map((itemId) => {
        const order = s.orders.create(
          {
            customerId: ids.customer,
            fault: 'Fault',
            priority: 'medium',
            windows: [],
            lines: [{ itemId, fault: 'Fault', estimatedHours: 2 }],
          },
          ACTOR,
        );
        return s.orders.lines(order.id)[0]!.id;
      });
      for (const m of moves) {
        const lineId = lines[m.line]!;
        if (m.kind === 'cancel') {
          const current = s.allocations.current(lineId);
          if (current?.state === 'active') s.allocations.cancel(current.id, 'Customer away', ACTOR);
          continue;
        }
        const before = s.board(MONDAY);
        const target = m.to === 'TEAM' ? { groupCode: 'TEAM' } : { technicianId: ids[m.to] };
        const input = { lineId, ...target, date: nextDate(MONDAY, m.day), hours: m.hours, ...(m.reason ? { reason: 'Moved' } : {}) };
        let change;
        try {
          change = s.allocateOnBoard(input, MONDAY, ACTOR).board;
        } catch (error) {
          // A refused drop (Bruno lacks gas, a move without a reason) changes nothing.
          expect(error).toBeInstanceOf(CoreError);
          expect(s.board(MONDAY)).toEqual(before);
          continue;
        }
        expect(applyBoardChange(before, lineId, change)).toEqual(s.board(MONDAY));
      }
    }
  });

  it('a line moved from one technician to another answers both rows', async () => {
    const { core, ids } = await start();
    const s = core.service;
    const plain = s.items.save({ ...s.items.get(ids.boiler), serial: 'SN-0002', groupCode: null, skills: null, troubleshooting: null });
    const order = s.orders.create(
      {
        customerId: ids.customer,
        fault: 'Fault',
        priority: 'medium',
        windows: [],
        lines: [{ itemId: plain.id, fault: 'Fault', estimatedHours: 2 }],
      },
      ACTOR,
    );
    const lineId = s.orders.lines(order.id)[0]!.id;
    s.allocateOnBoard({ lineId, technicianId: ids.anna, date: '2026-11-24', hours: 2 }, MONDAY, ACTOR);
    const before = s.board(MONDAY);
    const change = s.allocateOnBoard(
      { lineId, technicianId: ids.bruno, date: '2026-11-25', hours: 2, reason: 'Moved' },
      MONDAY,
      ACTOR,
    ).board;
    expect(change.technicians.map((r) => r.name).sort()).toEqual(['Anna', 'Bruno']);
    expect(change.line).toBeNull();
    expect(applyBoardChange(before, lineId, change)).toEqual(s.board(MONDAY));
  });

  it('a change for another week is not applied', async () => {
    const { core } = await start();
    const board = core.service.board(MONDAY);
    const other = core.service.board('2026-11-30');
    expect(
      applyBoardChange(board, 1, { days: other.days, technicians: other.technicians, groups: other.groups, line: null, position: -1 }),
    ).toBeUndefined();
  });
});
