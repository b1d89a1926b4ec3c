import { z } from 'zod';
import { dateSchema } from '../../core/hours/hours-shapes';
import { ALLOCATION_STATES } from '../../core/service/allocation-states';
import { HISTORY_KINDS, prioritySchema, visitWindowSchema } from '../../core/service/service-shapes';
/** The status lists and the drop preview the board shows before a drop (main checks every drop again). */
export { ORDER_STATUSES, REPAIR_STATUSES } from '../../core/service/order-states';
export { dropVerdict, type DropVerdict } from '../../core/service/drop-calc';
export { applyBoardChange } from '../../core/service/board-change-calc';
import { ORDER_STATUSES, REPAIR_STATUSES } from '../../core/service/order-states';

const int = z.number().int();
const at = z.number().int().nullable();
const coordinate = z.number().nullable();
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export const repairStatusSchema = z.enum(REPAIR_STATUSES);

export const customerSchema = z.object({
  id: int,
  name: z.string(),
  address: z.string(),
  latitude: coordinate,
  longitude: coordinate,
  phone: z.string(),
  email: z.string(),
  zone: z.string().nullable(),
});

export const itemGroupSchema = z.object({
  code: z.string(),
  name: z.string(),
  skills: z.array(z.string()),
  responseHours: z.number(),
  troubleshooting: z.array(z.string()),
});

export const serviceItemSchema = z.object({
  id: int,
  customerId: int,
  description: z.string(),
  model: z.string(),
  serial: z.string(),
  warrantyEnds: z.string().nullable(),
  groupCode: z.string().nullable(),
  ownSkills: z.array(z.string()).nullable(),
  ownTroubleshooting: z.array(z.string()).nullable(),
  skills: z.array(z.string()),
  troubleshooting: z.array(z.string()),
  address: z.string().nullable(),
  latitude: coordinate,
  longitude: coordinate,
});

const timeRange = z.object({ opens: z.string(), closes: z.string() });
export const technicianSchema = z.object({
  id: int,
  name: z.string(),
  skills: z.array(z.string()),
  latitude: coordinate,
  longitude: coordinate,
  week: z.array(z.array(timeRange)),
  zones: z.array(z.object({ zone: z.string(), startingDate: z.string() })),
  groups: z.array(z.string()),
  absences: z.array(z.object({ id: int, date: z.string(), hours: z.number().nullable(), reason: z.string() })),
});
export const catalogEntrySchema = z.object({ code: z.string(), name: z.string() });
export type CatalogEntryView = z.output<typeof catalogEntrySchema>;
export type TechnicianView = z.output<typeof technicianSchema>;
export type ItemGroupView = z.output<typeof itemGroupSchema>;
export const resourceGroupSchema = z.object({ code: z.string(), name: z.string(), members: z.array(int) });

export const allocationSchema = z.object({
  id: int,
  lineId: int,
  technicianId: int.nullable(),
  groupCode: z.string().nullable(),
  date: z.string().nullable(),
  hours: z.number().nullable(),
  state: z.enum(ALLOCATION_STATES),
  reason: z.string().nullable(),
  createdAt: int,
});

const orderRecordSchema = z.object({
  id: int,
  customerId: int,
  priority: prioritySchema,
  fault: z.string(),
  status: orderStatusSchema,
  windows: z.array(visitWindowSchema),
  responseAt: at,
  createdAt: int,
  finishedAt: at,
  actor: z.string(),
});

export const orderSummarySchema = z.object({
  id: int,
  customerName: z.string(),
  fault: z.string(),
  priority: prioritySchema,
  status: orderStatusSchema,
  responseAt: at,
  createdAt: int,
  lineCount: int,
  unallocated: int,
  overdue: z.boolean(),
});

export const orderDetailSchema = z.object({
  order: orderRecordSchema,
  customer: customerSchema,
  overdue: z.boolean(),
  lines: z.array(
    z.object({
      id: int,
      orderId: int,
      itemId: int,
      fault: z.string(),
      repairStatus: repairStatusSchema,
      estimatedHours: z.number(),
      responseAt: at,
      item: serviceItemSchema,
      allocations: z.array(allocationSchema.extend({ technicianName: z.string().nullable() })),
    }),
  ),
  history: z.array(
    z.object({
      id: int,
      at: int,
      actor: z.string(),
      kind: z.enum(HISTORY_KINDS),
      lineId: int.nullable(),
      allocationId: int.nullable(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      detail: z.string().nullable(),
    }),
  ),
});

export const orderFilterSchema = z.strictObject({
  status: z.union([orderStatusSchema, z.enum(['open', 'all'])]),
  search: z.string().trim().max(120),
  overdueOnly: z.boolean(),
});

export const serviceHomeSchema = z.object({
  today: z.string(),
  counts: z.record(orderStatusSchema, int),
  due: z.array(orderSummarySchema),
  unallocatedLines: int,
});

const boardCellSchema = z.object({
  date: z.string(),
  capacity: z.number(),
  allocated: z.number(),
  allocations: z.array(
    z.object({ id: int, lineId: int, orderId: int, customerName: z.string(), description: z.string(), hours: z.number() }),
  ),
});
export const boardSchema = z.object({
  days: z.array(z.string()),
  technicians: z.array(
    z.object({
      technicianId: int,
      name: z.string(),
      skills: z.array(z.string()),
      zones: z.array(z.string()),
      days: z.array(boardCellSchema),
    }),
  ),
  groups: z.array(z.object({ code: z.string(), name: z.string(), days: z.array(boardCellSchema) })),
  lines: z.array(
    z.object({
      lineId: int,
      orderId: int,
      allocationId: int,
      customerName: z.string(),
      customerZone: z.string().nullable(),
      description: z.string(),
      requiredSkills: z.array(z.string()),
      hours: z.number(),
      responseAt: at,
      priority: prioritySchema,
      groupCode: z.string().nullable(),
      needsReallocation: z.boolean(),
      unqualified: z.array(z.object({ technicianId: int, missingSkills: z.array(z.string()) })),
      inZone: z.array(int),
    }),
  ),
});
/** What one allocation changed on the week's board: those technicians' rows, the teams' rows, the line (null: no longer waiting). */
export const boardChangeSchema = z.object({
  days: boardSchema.shape.days,
  technicians: boardSchema.shape.technicians,
  groups: boardSchema.shape.groups,
  line: boardSchema.shape.lines.element.nullable(),
  position: z.number().int(),
});
export type BoardView = z.output<typeof boardSchema>;
export type BoardChangeView = z.output<typeof boardChangeSchema>;
export type BoardLineView = BoardView['lines'][number];

export const suggestionSchema = z.object({
  technicianId: int,
  name: z.string(),
  qualified: z.boolean(),
  missingSkills: z.array(z.string()),
  freeHours: z.number(),
  inZone: z.boolean(),
  distanceKm: z.number().nullable(),
});

const point = z.object({ latitude: z.number(), longitude: z.number() });
const place = z.object({
  lineId: int,
  orderId: int,
  customerName: z.string(),
  address: z.string(),
  point: point.nullable(),
  description: z.string(),
  windows: z.array(visitWindowSchema),
  allocationId: int,
  hours: z.number(),
});
export const technicianDaySchema = z.object({
  technicianId: int,
  name: z.string(),
  date: z.string(),
  start: point.nullable(),
  dayStart: z.number(),
  dayEnd: z.number(),
  stops: z.array(place.extend({ legKm: z.number(), arrival: z.number(), startsAt: z.number(), lateMinutes: z.number() })),
  plannedKm: z.number(),
  allocatedKm: z.number(),
  savingKm: z.number(),
  backAt: z.number(),
  lateMinutes: z.number(),
  unplaced: z.array(place),
});
export type TechnicianDayView = z.output<typeof technicianDaySchema>;

export const weekStartSchema = dateSchema;
