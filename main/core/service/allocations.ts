import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { CoreError, fieldError } from '../errors';
import { assertAllocationMove, type AllocationMove, type AllocationState } from './allocation-states';
import type { ServiceHistory } from './history';
import type { AllocationInput } from './service-shapes';
import type { ServiceItems } from './items';
import { assertEditable, lineRecord, type LineRecord } from './order-guard';
import type { RepairStatus } from './order-states';
import { missingSkills } from './qualification';
import type { ServiceTechnicians } from './technicians';

export interface Allocation {
  id: number;
  lineId: number;
  technicianId: number | null;
  groupCode: string | null;
  date: string | null;
  hours: number | null;
  state: AllocationState;
  reason: string | null;
  createdAt: number;
}

const COLUMNS =
  'id, line_id AS lineId, technician_id AS technicianId, group_code AS groupCode, date, hours, state, reason, created_at AS createdAt';

/**
 * Who does each order line, when and for how long. Every move goes through
 * the transition table and into the order's history; a line has one
 * allocation that counts at a time (a unique index holds it).
 */
export class ServiceAllocations {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly history: ServiceHistory,
    private readonly items: ServiceItems,
    private readonly technicians: ServiceTechnicians,
  ) {}

  get(id: number): Allocation {
    const row = sql<[number], Allocation>(this.db, `SELECT ${COLUMNS} FROM service_allocations WHERE id = ?`).get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No allocation ${id}`);
    return row;
  }

  forLine(lineId: number): Allocation[] {
    return sql<[number], Allocation>(this.db, `SELECT ${COLUMNS} FROM service_allocations WHERE line_id = ? ORDER BY id`).all(lineId);
  }

  current(lineId: number): Allocation | null {
    return (
      sql<[number], Allocation>(
        this.db,
        `SELECT ${COLUMNS} FROM service_allocations WHERE line_id = ? AND state IN ('nonactive', 'active', 'reallocation_needed')`,
      ).get(lineId) ?? null
    );
  }

  /** Active allocations of a technician on a day, in the order they were made. */
  activeOn(technicianId: number, date: string): Allocation[] {
    return sql<[number, string], Allocation>(
      this.db,
      `SELECT ${COLUMNS} FROM service_allocations WHERE technician_id = ? AND date = ? AND state = 'active' ORDER BY id`,
    ).all(technicianId, date);
  }

  /** A new line starts with a nonactive allocation: nobody yet. Runs inside the order's transaction. */
  open(line: { id: number; orderId: number }, actor: string): void {
    const id = Number(
      sql(this.db, "INSERT INTO service_allocations (line_id, state, created_at) VALUES (?, 'nonactive', ?)").run(line.id, this.clock.now())
        .lastInsertRowid,
    );
    this.history.record({
      orderId: line.orderId,
      lineId: line.id,
      allocationId: id,
      actor,
      kind: 'allocation',
      from: null,
      to: 'nonactive',
    });
  }

  /** The reasons a technician cannot take the line; empty when they can. */
  missingSkillsFor(lineId: number, technicianId: number): string[] {
    const line = lineRecord(this.db, lineId);
    return missingSkills(this.items.get(line.itemId).skills, this.technicians.get(technicianId).skills);
  }

  /**
   * Allocates a line to a technician (who must have every skill its item
   * needs) or to a resource group. A line already allocated moves: the old
   * allocation ends, finished if work started and canceled if not, with the
   * reason given.
   */
  allocate(input: AllocationInput, actor: string): Allocation {
    if ((input.technicianId === undefined) === (input.groupCode === undefined)) {
      throw new CoreError('BAD_INPUT', 'Allocate to a technician or to a resource group', {
        issues: ['technicianId', 'groupCode'].map((field) => ({ field, reason: 'technicianOrGroup' })),
      });
    }
    return this.db
      .transaction(() => {
        const line = lineRecord(this.db, input.lineId);
        assertEditable({ id: line.orderId, status: line.orderStatus });
        if (line.repairStatus === 'finished') throw new CoreError('SERVICE_ALLOCATION_REFUSED', `Line ${line.id} is finished`);
        if (input.technicianId !== undefined) {
          const missing = this.missingSkillsFor(line.id, input.technicianId);
          if (missing.length > 0)
            throw new CoreError('SERVICE_NOT_QUALIFIED', missing.join(', '), {
              issues: [{ field: 'technicianId', reason: 'notQualified', params: { skills: missing.join(', ') } }],
            });
        } else if (!this.technicians.group(input.groupCode!)) {
          throw new CoreError('NOT_FOUND', `No resource group ${input.groupCode}`, {
            reason: 'unknownGroup',
            params: { group: input.groupCode! },
            issues: [{ field: 'groupCode', reason: 'unknownGroup', params: { group: input.groupCode! } }],
          });
        }
        const current = this.current(line.id);
        const target = {
          technicianId: input.technicianId ?? null,
          groupCode: input.groupCode ?? null,
          date: input.date,
          hours: input.hours,
        };
        if (current?.state === 'nonactive') {
          sql(this.db, 'UPDATE service_allocations SET technician_id = ?, group_code = ?, date = ?, hours = ? WHERE id = ?').run(
            target.technicianId,
            target.groupCode,
            target.date,
            target.hours,
            current.id,
          );
          this.move(line, current, 'allocate', 'active', null, actor);
          return this.get(current.id);
        }
        if (!input.reason) throw fieldError('reason', 'sayWhyMoved', `Line ${line.id} is already allocated: say why it moves`);
        if (current) this.move(line, current, 'reallocate', workStarted(line.repairStatus) ? 'finished' : 'canceled', input.reason, actor);
        const id = Number(
          sql(
            this.db,
            "INSERT INTO service_allocations (line_id, technician_id, group_code, date, hours, state, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?)",
          ).run(line.id, target.technicianId, target.groupCode, target.date, target.hours, this.clock.now()).lastInsertRowid,
        );
        this.history.record({
          orderId: line.orderId,
          lineId: line.id,
          allocationId: id,
          actor,
          kind: 'allocation',
          from: null,
          to: 'active',
          detail: input.reason,
        });
        return this.get(id);
      })
      .immediate();
  }

  /** Cancels an active allocation: the line needs someone else, for the reason given. */
  cancel(allocationId: number, reason: string, actor: string): Allocation {
    return this.db
      .transaction(() => {
        const allocation = this.get(allocationId);
        const line = lineRecord(this.db, allocation.lineId);
        assertEditable({ id: line.orderId, status: line.orderStatus });
        this.move(line, allocation, 'cancel', 'reallocation_needed', reason, actor);
        return this.get(allocationId);
      })
      .immediate();
  }

  /** What the line's progress does to its allocation; runs inside the line change's transaction. */
  followLine(line: LineRecord, status: RepairStatus, actor: string): void {
    const current = this.current(line.id);
    if (!current) return;
    if (status === 'finished')
      this.move(line, current, 'finish-line', current.state === 'nonactive' ? 'canceled' : 'finished', null, actor);
    else if ((status === 'partly_serviced' || status === 'referred') && current.state === 'active')
      this.move(line, current, 'line-needs-more', 'reallocation_needed', null, actor);
  }

  private move(
    line: LineRecord,
    allocation: Allocation,
    move: AllocationMove,
    to: AllocationState,
    reason: string | null,
    actor: string,
  ): void {
    assertAllocationMove(allocation.id, allocation.state, move, to);
    sql(this.db, 'UPDATE service_allocations SET state = ?, reason = coalesce(?, reason) WHERE id = ?').run(to, reason, allocation.id);
    this.history.record({
      orderId: line.orderId,
      lineId: line.id,
      allocationId: allocation.id,
      actor,
      kind: 'allocation',
      from: allocation.state,
      to,
      detail: reason,
    });
  }
}

/** Work started on a line once it left its initial status: moving it then finishes the old allocation instead of cancelling it. */
function workStarted(status: RepairStatus): boolean {
  return status !== 'initial';
}
