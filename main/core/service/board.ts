import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import type { BoardChangeOf } from './board-change-calc';
import { capacityOn } from './capacity-calc';
import type { Priority } from './service-shapes';
import { missingSkills, requiredSkills, zonesOn } from './qualification';
import type { ServiceTechnicians } from './technicians';
import { nextDate } from '../zoned-time-calc';

export interface BoardAllocation {
  id: number;
  lineId: number;
  orderId: number;
  customerName: string;
  description: string;
  hours: number;
}

export interface BoardCell {
  date: string;
  capacity: number;
  allocated: number;
  allocations: BoardAllocation[];
}

export interface BoardRow {
  technicianId: number;
  name: string;
  skills: string[];
  zones: string[];
  days: BoardCell[];
}

export interface BoardGroupRow {
  code: string;
  name: string;
  days: BoardCell[];
}

/** A line waiting for a technician, with each technician's fit worked out in main. */
export interface BoardLine {
  lineId: number;
  orderId: number;
  allocationId: number;
  customerName: string;
  customerZone: string | null;
  description: string;
  requiredSkills: string[];
  hours: number;
  responseAt: number | null;
  priority: Priority;
  /** Allocated to a resource group (waiting for one of its members) or in need of reallocation. */
  groupCode: string | null;
  needsReallocation: boolean;
  /** Only the technicians who lack a skill, with what they lack (kept short: a week has hundreds of lines). */
  unqualified: { technicianId: number; missingSkills: string[] }[];
  /** The technicians who work the customer's zone. */
  inZone: number[];
}

export interface Board {
  days: string[];
  technicians: BoardRow[];
  groups: BoardGroupRow[];
  lines: BoardLine[];
}

const parseSkills = (json: string | null): string[] | null => (json === null ? null : (JSON.parse(json) as string[]));

interface AllocationRow extends BoardAllocation {
  technicianId: number | null;
  groupCode: string | null;
  date: string;
}

/** What one allocation made on the board changes in the week shown: the rows of the technicians involved, the teams, and the line. */
export type BoardChange = BoardChangeOf<BoardRow, BoardGroupRow, BoardLine>;

/** Technicians by day for a week with their load, resource groups, and the lines still waiting for someone. */
export function buildBoard(db: Database, technicians: ServiceTechnicians, weekStart: string, dayCount = 7): Board {
  const { days, team, rows, groups } = buildRows(db, technicians, weekStart, dayCount);
  return { days, technicians: rows, groups, lines: waitingLines(db, team, days) };
}

/**
 * The part of the week's board one allocation changed, built by the same code as the whole board (so the two never
 * differ): the given technicians' rows, every team's row (a team's load is its members'), and the line's new state.
 */
export function buildBoardChange(
  db: Database,
  technicians: ServiceTechnicians,
  weekStart: string,
  changed: { technicianIds: readonly number[]; lineId: number },
  dayCount = 7,
): BoardChange {
  const { days, team, rows, groups } = buildRows(db, technicians, weekStart, dayCount);
  return {
    days,
    technicians: rows.filter((r) => changed.technicianIds.includes(r.technicianId)),
    groups,
    line: waitingLines(db, team, days, changed.lineId)[0] ?? null,
    position: waitingPosition(db, changed.lineId),
  };
}

type Team = ReturnType<ServiceTechnicians['list']>;

/** Every technician's and team's days of the week with their allocations and load. */
function buildRows(db: Database, technicians: ServiceTechnicians, weekStart: string, dayCount: number) {
  const days = Array.from({ length: dayCount }, (_, i) => nextDate(weekStart, i));
  const allocations = sql<[string, string], AllocationRow>(
    db,
    `SELECT a.id, a.line_id AS lineId, l.order_id AS orderId, c.name AS customerName, i.description, a.hours, a.technician_id AS technicianId,
            a.group_code AS groupCode, a.date
       FROM service_allocations a JOIN service_order_lines l ON l.id = a.line_id JOIN service_orders o ON o.id = l.order_id
       JOIN service_customers c ON c.id = o.customer_id JOIN service_items i ON i.id = l.item_id
      WHERE a.state = 'active' AND a.date >= ? AND a.date <= ? ORDER BY a.id`,
  ).all(days[0]!, days.at(-1)!);
  const byCell = new Map<string, BoardAllocation[]>();
  for (const a of allocations) {
    const key = `${a.technicianId ?? `g:${a.groupCode}`}|${a.date}`;
    const { technicianId: _t, groupCode: _g, date: _d, ...view } = a;
    byCell.set(key, [...(byCell.get(key) ?? []), view]);
  }
  const cell = (key: string, date: string, capacity: number): BoardCell => {
    const list = byCell.get(`${key}|${date}`) ?? [];
    return { date, capacity, allocated: list.reduce((s, a) => s + a.hours, 0), allocations: list };
  };
  const team = technicians.list();
  const rows: BoardRow[] = team.map((t) => ({
    technicianId: t.id,
    name: t.name,
    skills: t.skills,
    zones: [...zonesOn(t.zones, days[0]!)],
    days: days.map((date) => cell(String(t.id), date, capacityOn(t.week, t.absences, date))),
  }));
  const groups: BoardGroupRow[] = technicians.groups().map((g) => ({
    code: g.code,
    name: g.name,
    days: days.map((date) => {
      const members = rows.filter((r) => g.members.includes(r.technicianId)).map((r) => r.days.find((d) => d.date === date)!);
      const own = cell(`g:${g.code}`, date, 0);
      // A group's free hours are its members' free hours, less what is allocated to the group itself.
      return {
        ...own,
        capacity: members.reduce((s, d) => s + d.capacity, 0),
        allocated: own.allocated + members.reduce((s, d) => s + d.allocated, 0),
      };
    }),
  }));
  return { days, team, rows, groups };
}

/** The lines waiting for someone: not finished, and nobody or only a team has them. */
const WAITING = `FROM service_order_lines l JOIN service_allocations a ON a.line_id = l.id JOIN service_orders o ON o.id = l.order_id
       JOIN service_customers c ON c.id = o.customer_id JOIN service_items i ON i.id = l.item_id
       LEFT JOIN service_item_groups g ON g.code = i.group_code
      WHERE l.repair_status <> 'finished' AND o.status <> 'finished'
        AND (a.state IN ('nonactive', 'reallocation_needed') OR (a.state = 'active' AND a.technician_id IS NULL))`;
/** The side list's order: the earliest response first. */
const WAITING_ORDER = 'ORDER BY l.response_at IS NULL, l.response_at, l.id';

/** Where a waiting line stands among all the waiting lines (-1: not waiting). */
function waitingPosition(db: Database, lineId: number): number {
  return sql<[], { id: number }>(db, `SELECT l.id ${WAITING} ${WAITING_ORDER}`)
    .all()
    .findIndex((r) => r.id === lineId);
}

/** The lines waiting for someone (all of them, or the one asked for), each with the technicians it fits. */
function waitingLines(db: Database, team: Team, days: string[], lineId?: number): BoardLine[] {
  // Each line's item and group skills come with the line: one query, not a read per item.
  const waiting = sql<
    [number | null, number | null],
    Omit<BoardLine, 'requiredSkills' | 'unqualified' | 'inZone' | 'needsReallocation'> & {
      state: string;
      itemSkills: string | null;
      groupSkills: string | null;
    }
  >(
    db,
    `SELECT l.id AS lineId, l.order_id AS orderId, a.id AS allocationId, c.name AS customerName, c.zone AS customerZone, i.description,
            l.estimated_hours AS hours, l.response_at AS responseAt, o.priority, a.group_code AS groupCode, a.state,
            i.skills_json AS itemSkills, g.skills_json AS groupSkills
       ${WAITING} AND (? IS NULL OR l.id = ?) ${WAITING_ORDER}`,
  ).all(lineId ?? null, lineId ?? null);
  // Hundreds of lines share a few skill sets and zones: each fit is worked out once per set and per zone, not per line and technician.
  const requiredOf = new Map<string, { required: string[]; unqualified: BoardLine['unqualified'] }>();
  const zonesNow = team.map((t) => ({ id: t.id, zones: zonesOn(t.zones, days[0]!) }));
  const inZoneOf = new Map<string, number[]>();
  return waiting.map(({ state, itemSkills, groupSkills, ...line }) => {
    const skillKey = `${itemSkills}|${groupSkills}`;
    let fit = requiredOf.get(skillKey);
    if (!fit) {
      const required = [...requiredSkills({ itemSkills: parseSkills(itemSkills), groupSkills: parseSkills(groupSkills) })];
      fit = {
        required,
        unqualified: team
          .map((t) => ({ technicianId: t.id, missingSkills: missingSkills(required, t.skills) }))
          .filter((f) => f.missingSkills.length > 0),
      };
      requiredOf.set(skillKey, fit);
    }
    const zone = line.customerZone;
    let inZone = zone === null ? [] : inZoneOf.get(zone);
    if (!inZone) inZoneOf.set(zone!, (inZone = zonesNow.filter((t) => t.zones.has(zone!)).map((t) => t.id)));
    return {
      ...line,
      requiredSkills: fit.required,
      needsReallocation: state === 'reallocation_needed',
      unqualified: fit.unqualified,
      inZone,
    };
  });
}
