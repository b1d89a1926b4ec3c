import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { BoardChangeView, BoardLineView, BoardView } from '../../../../main/api/service/schemas';
import { applyBoardChange } from '../../../../main/api/service/schemas';
import { api } from '../../../api/api-client';

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

  async function load(start = weekStart.value): Promise<void> {
    weekStart.value = start;
    board.value = await api.call('service.board', { weekStart: start });
    if (picked.value) picked.value = board.value.lines.find((l) => l.lineId === picked.value!.lineId);
    hovered.value = undefined;
  }

  /**
   * Allocates in main (which checks every rule again and commits), then patches the rows and the line that changed,
   * as main built them: no second read of the whole week. A refusal or a failure reads the week again.
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
      patch(line.lineId, change);
      picked.value = undefined;
    } catch (error) {
      await load();
      throw error;
    }
  }

  function patch(lineId: number, change: BoardChangeView): void {
    // Another week came up while main allocated: the change is for the week the drop was made on, so it is not applied.
    const next = board.value && applyBoardChange(board.value, lineId, change);
    if (!next) return;
    board.value = next;
    if (hovered.value?.lineId === lineId) hovered.value = change.line ?? undefined;
  }

  return { weekStart, board, picked, dragging, hovered, load, allocate };
});
