import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { BoardLineView, BoardView } from '../../../../main/api/service/schemas';
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

  /** Allocates in main (which checks every rule again), then re-reads the week. */
  async function allocate(line: BoardLineView, technicianId: number, date: string, reason?: string): Promise<void> {
    try {
      await api.call('service.allocate', { lineId: line.lineId, technicianId, date, hours: line.hours, ...(reason ? { reason } : {}) });
      picked.value = undefined;
    } finally {
      await load();
    }
  }

  return { weekStart, board, picked, dragging, hovered, load, allocate };
});
