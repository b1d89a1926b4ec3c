import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardLineView, BoardView } from '../../../../main/api/service/schemas';

/** Each call to main waits until the test answers it, so the test decides in which order main's answers arrive. */
interface PendingCall {
  name: string;
  input: { weekStart?: string };
  answer: (value: unknown) => void;
  refuse: (error: Error) => void;
}
const calls: PendingCall[] = [];
vi.mock('../../../../renderer/api/api-client', () => ({
  api: {
    call: (name: string, input: { weekStart?: string }) => new Promise((answer, refuse) => calls.push({ name, input, answer, refuse })),
  },
}));
const { useBoardStore } = await import('../../../../renderer/features/service/stores/board');
const { ApiCallError } = await import('../../../../main/api/errors');

const WEEK_A = '2026-11-30';
const WEEK_B = '2026-12-07';
const WEEK_C = '2026-12-14';
const daysOf = (monday: string) =>
  Array.from({ length: 7 }, (_, i) => new Date(Date.parse(`${monday}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

const line = (lineId: number): BoardLineView => ({
  lineId,
  orderId: lineId,
  allocationId: lineId,
  customerName: `Customer ${lineId}`,
  customerZone: null,
  description: `Item ${lineId}`,
  requiredSkills: [],
  hours: 1,
  responseAt: null,
  priority: 'medium',
  groupCode: null,
  needsReallocation: false,
  unqualified: [],
  inZone: [],
});

/** A week as main reads it: one technician, and the lines still waiting (they wait whatever the week). */
function weekBoard(monday: string, waiting: number[], allocated = 0): BoardView {
  const days = daysOf(monday);
  return {
    days,
    technicians: [
      {
        technicianId: 1,
        name: 'Ada',
        skills: [],
        zones: [],
        days: days.map((date, i) => ({ date, capacity: 8, allocated: i === 0 ? allocated : 0, allocations: [] })),
      },
    ],
    groups: [],
    lines: waiting.map(line),
  };
}

/** Answers the oldest pending call of that name. */
async function answer(name: string, value: unknown): Promise<PendingCall> {
  await vi.waitFor(() => expect(calls.some((c) => c.name === name)).toBe(true));
  const call = calls.splice(
    calls.findIndex((c) => c.name === name),
    1,
  )[0]!;
  call.answer(value);
  await new Promise((r) => setTimeout(r, 0));
  return call;
}

/** What main answers to the drop of line 1 on week A's Monday: the row that changed, and the line no longer waiting. */
const dropOnA = () => {
  const board = weekBoard(WEEK_A, [2], 1);
  return { allocation: {}, board: { days: board.days, technicians: board.technicians, groups: [], line: null, position: -1 } };
};

describe('the dispatch board store', () => {
  beforeEach(async () => {
    calls.length = 0;
    setActivePinia(createPinia());
    const store = useBoardStore();
    const loaded = store.load(WEEK_A);
    await answer('service.board', weekBoard(WEEK_A, [1, 2]));
    await loaded;
  });

  it('patches the week a drop was made on, without reading it again', async () => {
    const store = useBoardStore();
    const dropped = store.allocate(line(1), 1, daysOf(WEEK_A)[0]!);
    await answer('service.board.allocate', dropOnA());
    await dropped;
    expect(store.board!.lines.map((l) => l.lineId)).toEqual([2]);
    expect(store.board!.technicians[0]!.days[0]!.allocated).toBe(1);
    expect(calls).toEqual([]);
  });

  it('reads the next week again when its read was under way as a drop was committed', async () => {
    const store = useBoardStore();
    const dropped = store.allocate(line(1), 1, daysOf(WEEK_A)[0]!);
    const switched = store.load(WEEK_B);
    // Main read week B before it committed the drop: line 1 still waits there.
    await answer('service.board', weekBoard(WEEK_B, [1, 2]));
    await answer('service.board.allocate', dropOnA());
    const again = await answer('service.board', weekBoard(WEEK_B, [2]));
    await Promise.all([dropped, switched]);
    expect(again.input.weekStart).toBe(WEEK_B);
    expect(store.board!.days[0]).toBe(WEEK_B);
    expect(store.board!.lines.map((l) => l.lineId)).toEqual([2]);
  });

  it('reads the next week again when the drop is answered before that week', async () => {
    const store = useBoardStore();
    const dropped = store.allocate(line(1), 1, daysOf(WEEK_A)[0]!);
    const switched = store.load(WEEK_B);
    await answer('service.board.allocate', dropOnA());
    // This answer may have been read before the commit: it is not trusted.
    await answer('service.board', weekBoard(WEEK_B, [1, 2]));
    await answer('service.board', weekBoard(WEEK_B, [2]));
    await Promise.all([dropped, switched]);
    expect(store.board!.days[0]).toBe(WEEK_B);
    expect(store.board!.lines.map((l) => l.lineId)).toEqual([2]);
    expect(calls).toEqual([]);
  });

  it('never shows an older week read coming back after a newer one', async () => {
    const store = useBoardStore();
    const toB = store.load(WEEK_B);
    const toC = store.load(WEEK_C);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    calls[1]!.answer(weekBoard(WEEK_C, [1, 2]));
    await toC;
    calls[0]!.answer(weekBoard(WEEK_B, [1, 2]));
    await toB;
    expect(store.board!.days[0]).toBe(WEEK_C);
    expect(store.weekStart).toBe(WEEK_C);
  });

  it('shows a drop the rules refuse on the week as it is, without reading it again', async () => {
    const store = useBoardStore();
    const shown = store.board;
    const dropped = store.allocate(line(1), 1, daysOf(WEEK_A)[0]!);
    await vi.waitFor(() => expect(calls.map((c) => c.name)).toEqual(['service.board.allocate']));
    calls.shift()!.refuse(new ApiCallError('SERVICE_NOT_QUALIFIED', 'gas', 'service.board.allocate', { reason: 'notQualified' }));
    await expect(dropped).rejects.toMatchObject({ code: 'SERVICE_NOT_QUALIFIED' });
    expect(calls).toEqual([]);
    expect(store.board).toBe(shown);
  });

  it('reads the week again before a refusal that may come from a week out of date (the line finished meanwhile)', async () => {
    const store = useBoardStore();
    const dropped = store.allocate(line(1), 1, daysOf(WEEK_A)[0]!);
    await vi.waitFor(() => expect(calls.map((c) => c.name)).toEqual(['service.board.allocate']));
    const refusal = dropped.catch((error: unknown) => error);
    calls.shift()!.refuse(new ApiCallError('SERVICE_ALLOCATION_REFUSED', 'Line 1 is finished', 'service.board.allocate'));
    await answer('service.board', weekBoard(WEEK_A, [2]));
    expect(await refusal).toMatchObject({ code: 'SERVICE_ALLOCATION_REFUSED' });
    expect(store.board!.lines.map((l) => l.lineId)).toEqual([2]);
  });
});
