import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { BoardChangeView, BoardLineView, BoardView } from '../../../../main/api/service/schemas';
import { applyBoardChange } from '../../../../main/api/service/schemas';
import { ApiCallError } from '../../../../main/api/errors';
import { api } from '../../../api/api-client';

/**
 * A missing skill: main refused from the technician and the line as the board shows them, nothing changed. Not a
 * missing reason for a move: the board may show a line as waiting that was allocated meanwhile.
 */
const refusedByTheRules = (error: unknown) => error instanceof ApiCallError && error.code === 'SERVICE_NOT_QUALIFIED';

/** The dispatch board of one week, and the line being dragged or picked for "Allocate to…". */
export const useBoardStore = defineStore('serviceBoard', () => {
  const weekStart = ref('');
  // Thousands of fit entries that only main changes: kept shallow so Vue does not proxy each one.
  const board = shallowRef<BoardView>();
  const picked = shallowRef<BoardLineView>();
  /** The line held by the pointer, from the moment it is pressed: each cell shows its verdict for it. */
  const dragging = shallowRef<BoardLineView>();
  /** The line under the pointer or focused: the cells lay its verdicts out ahead, hidden, so a press only shows them. */
  const hovered = shallowRef<BoardLineView>();

  /** Counts the reads of a week: only the last one asked for is shown. */
  let reads = 0;
  let reading = false;
  /** Counts the allocations main has answered: a read that was under way meanwhile may predate one, so it is read again. */
  let answered = 0;

  async function load(start = weekStart.value): Promise<void> {
    weekStart.value = start;
    const ticket = ++reads;
    reading = true;
    try {
      let next: BoardView;
      let seen: number;
      do {
        seen = answered;
        next = await api.call('service.board', { weekStart: start });
        if (ticket !== reads) return;
      } while (seen !== answered);
      board.value = next;
      if (picked.value) picked.value = next.lines.find((l) => l.lineId === picked.value!.lineId);
      hovered.value = undefined;
    } finally {
      if (ticket === reads) reading = false;
    }
  }

  /**
   * Allocates in main (which checks every rule again and commits), then patches the rows and the line that changed,
   * as main built them: no second read of the whole week. A drop refused for a missing skill changed nothing, so the
   * refusal shows at once on the week as it is; any other failure may come from a week that is out of date (the line
   * allocated, finished or gone meanwhile), which is read again before the refusal shows.
   */
  async function allocate(line: BoardLineView, technicianId: number, date: string, reason?: string): Promise<void> {
    try {
      const { board: change } = await api.call('service.board.allocate', {
        lineId: line.lineId,
        technicianId,
        date,
        hours: line.hours,
        weekStart: weekStart.value,
        ...(reason ? { reason } : {}),
      });
      answered++;
      picked.value = undefined;
      // Another week came up while main allocated: its read may predate the allocation (the line still waiting), so
      // the shown week is read again, unless a read is under way, which reads again by itself.
      if (!patch(line.lineId, change) && !reading) await load();
    } catch (error) {
      answered++;
      if (!refusedByTheRules(error)) await load();
      throw error;
    }
  }

  function patch(lineId: number, change: BoardChangeView): boolean {
    const next = board.value && applyBoardChange(board.value, lineId, change);
    if (!next) return false;
    board.value = next;
    if (hovered.value?.lineId === lineId) hovered.value = change.line ?? undefined;
    return true;
  }

  return { weekStart, board, picked, dragging, hovered, load, allocate };
});
