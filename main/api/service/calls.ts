import { z } from 'zod';
import { dateSchema } from '../../core/hours/hours-shapes';
import {
  absenceInputSchema,
  allocationInputSchema,
  catalogEntryInputSchema,
  customerInputSchema,
  itemGroupInputSchema,
  itemInputSchema,
  orderInputSchema,
  repairStatusSchema,
  resourceGroupInputSchema,
  rowId,
  technicianInputSchema,
} from '../../core/service/service-shapes';
import { routeSettingsSchema, serviceCalendarSchema } from '../../core/service/service-shapes';
import {
  allocationSchema,
  catalogEntrySchema,
  boardChangeSchema,
  boardSchema,
  customerSchema,
  itemGroupSchema,
  orderDetailSchema,
  orderFilterSchema,
  orderSummarySchema,
  resourceGroupSchema,
  serviceHomeSchema,
  serviceItemSchema,
  suggestionSchema,
  technicianDaySchema,
  technicianSchema,
} from './schemas';

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const none = z.undefined();

/** The service desk's calls. Every input is checked here before core sees it. */
export const serviceCalls = {
  /** Today's orders by status, overdue responses and the lines nobody is allocated to. */
  'service.home': call(none, serviceHomeSchema),

  'service.customers.search': call(z.strictObject({ text: z.string().max(120) }), z.array(customerSchema)),
  'service.customers.save': call(customerInputSchema, customerSchema),
  'service.customers.items': call(z.strictObject({ customerId: rowId }), z.array(serviceItemSchema)),

  /** Items carrying this serial number (one per model): what a scan of the item's label finds. */
  'service.items.bySerial': call(
    z.strictObject({ serial: z.string().trim().min(1).max(80) }),
    z.array(serviceItemSchema.extend({ customer: customerSchema })),
  ),
  'service.items.save': call(itemInputSchema, serviceItemSchema),
  'service.groups.list': call(none, z.array(itemGroupSchema)),
  'service.groups.save': call(itemGroupInputSchema, itemGroupSchema),

  'service.calendar.get': call(none, serviceCalendarSchema.nullable()),
  /** null: no calendar, responses count every hour of Monday to Friday. */
  'service.calendar.save': call(z.strictObject({ calendar: serviceCalendarSchema.nullable() }), serviceCalendarSchema.nullable()),
  'service.route.get': call(none, routeSettingsSchema),
  'service.route.save': call(routeSettingsSchema, routeSettingsSchema),

  'service.technicians.list': call(none, z.array(technicianSchema)),
  'service.technicians.save': call(technicianInputSchema, technicianSchema),
  'service.technicians.addAbsence': call(absenceInputSchema, technicianSchema),
  'service.technicians.removeAbsence': call(z.strictObject({ technicianId: rowId, absenceId: rowId }), technicianSchema),
  'service.skills.list': call(none, z.array(catalogEntrySchema)),
  'service.skills.save': call(catalogEntryInputSchema, catalogEntrySchema),
  /** Refused while a technician, item group or item still names the skill. */
  'service.skills.remove': call(z.strictObject({ code: catalogEntryInputSchema.shape.code }), z.array(catalogEntrySchema)),
  'service.zones.list': call(none, z.array(catalogEntrySchema)),
  'service.zones.save': call(catalogEntryInputSchema, catalogEntrySchema),
  /** Refused while a technician or customer is still in the zone. */
  'service.zones.remove': call(z.strictObject({ code: catalogEntryInputSchema.shape.code }), z.array(catalogEntrySchema)),
  'service.resourceGroups.list': call(none, z.array(resourceGroupSchema)),
  'service.resourceGroups.save': call(resourceGroupInputSchema, resourceGroupSchema),

  /** The response date an order would get if taken now, for items of these groups (null: no group). */
  'service.orders.promise': call(
    z.strictObject({ groupCodes: z.array(z.string().max(40).nullable()).min(1).max(50) }),
    z.object({ responseAt: z.number().int().nullable() }),
  ),
  'service.orders.create': call(orderInputSchema, orderDetailSchema),
  'service.orders.list': call(z.strictObject({ filter: orderFilterSchema }), z.array(orderSummarySchema)),
  'service.orders.get': call(z.strictObject({ orderId: rowId }), orderDetailSchema),
  'service.lines.setStatus': call(z.strictObject({ lineId: rowId, status: repairStatusSchema }), orderDetailSchema),

  'service.allocate': call(allocationInputSchema, allocationSchema),
  'service.allocations.cancel': call(z.strictObject({ allocationId: rowId, reason: z.string().trim().min(1).max(200) }), allocationSchema),
  'service.suggest': call(z.strictObject({ lineId: rowId }), z.array(suggestionSchema)),
  /** Technicians by day for a week from weekStart, resource groups, and the lines waiting for someone. */
  'service.board': call(z.strictObject({ weekStart: dateSchema }), boardSchema),
  /** A drop on the board: allocates as service.allocate does, and answers with what changed in the week shown. */
  'service.board.allocate': call(
    allocationInputSchema.extend({ weekStart: dateSchema }),
    z.object({ allocation: allocationSchema, board: boardChangeSchema }),
  ),
  /** A technician's visits on a day in the planned order, against the order they were allocated in. */
  'service.day': call(z.strictObject({ technicianId: rowId, date: dateSchema }), technicianDaySchema),
} as const;
