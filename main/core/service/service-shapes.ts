import { z } from 'zod';
import { dateSchema, hoursExceptionSchema, timeRangeSchema, timeSchema, weekSchema } from '../hours/hours-shapes';
import { REPAIR_STATUSES } from './order-states';

/** No NUL: SQLite's length() stops at one, so "\u0000" passed as a non-empty name and broke a CHECK (the contract fuzz found it). */
const NO_NUL = /^[^\0]*$/;
const text = (max: number) => z.string().trim().max(max).regex(NO_NUL);
const code = z.string().trim().min(1).max(40).regex(NO_NUL);
const skills = z.array(z.string().trim().min(1).max(40).regex(NO_NUL)).max(30);
const steps = z.array(z.string().trim().min(1).max(300).regex(NO_NUL)).max(30);
export const latitudeSchema = z.number().min(-90).max(90).nullable();
export const longitudeSchema = z.number().min(-180).max(180).nullable();
export const rowId = z.number().int().positive();

export const customerInputSchema = z.strictObject({
  id: rowId.optional(),
  name: text(120).min(1),
  address: text(300),
  latitude: latitudeSchema,
  longitude: longitudeSchema,
  phone: text(40),
  /** The country a number without a prefix belongs to. */
  phoneCountry: z.string().regex(/^[A-Z]{2}$/),
  email: z.union([z.literal(''), z.email().max(200)]),
  zone: text(40),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const itemGroupInputSchema = z.strictObject({
  code,
  name: text(80).min(1),
  skills,
  responseHours: z
    .number()
    .positive()
    .max(24 * 90),
  troubleshooting: steps,
});
export type ItemGroupInput = z.infer<typeof itemGroupInputSchema>;

export const itemInputSchema = z.strictObject({
  id: rowId.optional(),
  customerId: rowId,
  description: text(200).min(1),
  model: text(80),
  serial: text(80),
  warrantyEnds: dateSchema.nullable(),
  groupCode: code.nullable(),
  /** null inherits the group's. */
  skills: skills.nullable(),
  troubleshooting: steps.nullable(),
  /** Where the item is installed when not at the customer's address. */
  address: text(300).nullable(),
  latitude: latitudeSchema,
  longitude: longitudeSchema,
});
export type ItemInput = z.infer<typeof itemInputSchema>;

export const visitWindowSchema = z.strictObject({ from: timeSchema, to: timeSchema });
export type VisitWindow = z.infer<typeof visitWindowSchema>;

export const prioritySchema = z.enum(['low', 'medium', 'high']);
export type Priority = z.infer<typeof prioritySchema>;

/** A line names a known item, or describes one the desk creates on the fly for the order's customer. */
export const orderLineInputSchema = z.strictObject({
  itemId: rowId.optional(),
  newItem: itemInputSchema.omit({ customerId: true, id: true }).optional(),
  fault: text(1000),
  estimatedHours: z.number().positive().max(24),
});
export type OrderLineInput = z.infer<typeof orderLineInputSchema>;

export const orderInputSchema = z.strictObject({
  customerId: rowId,
  fault: text(2000).min(1),
  priority: prioritySchema,
  windows: z.array(visitWindowSchema).max(6),
  lines: z.array(orderLineInputSchema).min(1).max(50),
});
export type OrderInput = z.infer<typeof orderInputSchema>;

export const repairStatusSchema = z.enum(REPAIR_STATUSES);

export const technicianInputSchema = z.strictObject({
  id: rowId.optional(),
  name: text(120).min(1),
  skills,
  latitude: latitudeSchema,
  longitude: longitudeSchema,
  week: weekSchema,
  zones: z.array(z.strictObject({ zone: code, startingDate: dateSchema })).max(20),
  groups: z.array(code).max(10),
});
export type TechnicianInput = z.infer<typeof technicianInputSchema>;

export const absenceInputSchema = z.strictObject({
  technicianId: rowId,
  date: dateSchema,
  hours: z.number().positive().max(24).nullable(),
  reason: text(200),
});
export type AbsenceInput = z.infer<typeof absenceInputSchema>;

export const resourceGroupInputSchema = z.strictObject({ code, name: text(80).min(1) });

/** A skill or a service zone: the code technicians, groups and items store, and the name staff read. */
export const catalogEntryInputSchema = z.strictObject({ code, name: text(80).min(1) });
export type CatalogEntry = z.infer<typeof catalogEntryInputSchema>;
export const CATALOG_KINDS = ['skill', 'zone'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** Allocate a line to a technician, or to a resource group when nobody is named yet. */
export const allocationInputSchema = z.strictObject({
  lineId: rowId,
  technicianId: rowId.optional(),
  groupCode: code.optional(),
  date: dateSchema,
  hours: z.number().positive().max(24),
  /** Needed when the line already has an allocation: why it moves. */
  reason: text(200).optional(),
});
export type AllocationInput = z.infer<typeof allocationInputSchema>;

export { timeRangeSchema };

/** What an entry of an order's history records. */
export const HISTORY_KINDS = ['order-created', 'order-status', 'line-status', 'allocation'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const routeSettingsSchema = z.strictObject({
  /** Road distance over straight-line distance. */
  roadFactor: z.number().min(1).max(3),
  speedKmh: z.number().min(5).max(130),
});
export type RouteSettings = z.infer<typeof routeSettingsSchema>;

/** The service desk's own weekly hours and holidays (the same shape as the counter's opening hours; it may differ). */
export const serviceCalendarSchema = z.strictObject({
  week: weekSchema,
  exceptions: z.array(hoursExceptionSchema).max(400),
});
export type ServiceCalendar = z.infer<typeof serviceCalendarSchema>;
