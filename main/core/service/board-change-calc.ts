/** The week's board as the screen holds it: only what a change touches. */
interface PatchableBoard<Row extends { technicianId: number }, Group, Line extends { lineId: number }> {
  days: string[];
  technicians: Row[];
  groups: Group[];
  lines: Line[];
}

/** What one allocation changed on a week's board (see `buildBoardChange`): a line no longer waiting is null. */
export interface BoardChangeOf<Row, Group, Line> {
  days: string[];
  technicians: Row[];
  groups: Group[];
  line: Line | null;
  /** Where the line now stands among the waiting lines (-1 with no line): a line given back to a team waits again. */
  position: number;
}

/**
 * The board after an allocation of `lineId`: the changed rows and the line put in place of the old ones, everything
 * else kept (the same objects, so the screen re-renders only what changed). Undefined when the change is for another
 * week than the one held.
 */
export function applyBoardChange<
  Row extends { technicianId: number },
  Group,
  Line extends { lineId: number },
  B extends PatchableBoard<Row, Group, Line>,
>(board: B, lineId: number, change: BoardChangeOf<Row, Group, Line>): B | undefined {
  if (board.days.join() !== change.days.join()) return undefined;
  const rows = new Map(change.technicians.map((r) => [r.technicianId, r]));
  const { line } = change;
  return {
    ...board,
    technicians: board.technicians.map((r) => rows.get(r.technicianId) ?? r),
    groups: change.groups,
    lines: withLine(
      board.lines.filter((l) => l.lineId !== lineId),
      line,
      change.position,
    ),
  };
}

function withLine<Line>(lines: Line[], line: Line | null, position: number): Line[] {
  if (!line) return lines;
  return [...lines.slice(0, position), line, ...lines.slice(position)];
}
