import { z } from 'zod';
import { EXPIRED_ITEM_STATUSES, PARCEL_STATES, PICKUP_ITEM_STATUSES } from '../../core/parcels/parcel-states';
import { PARCEL_SIZES } from '../../core/parcels/parcel-shapes';
import { idSchema, rowIdSchema } from '../schemas';

/** What staff type or scan as a tracking ID: main normalises and checks it against the network's pattern. */
export const trackingInputSchema = z.string().trim().min(1).max(64);
export const entryMethodSchema = z.enum(['scanner', 'keyboard']);

export const parcelViewSchema = z.object({
  id: rowIdSchema,
  networkId: idSchema,
  trackingId: z.string(),
  recipientName: z.string(),
  size: z.enum(PARCEL_SIZES),
  state: z.enum(PARCEL_STATES),
  slotId: z.string().nullable(),
  stateChangedAt: z.number().int(),
  expiresAt: z.number().int().nullable(),
});
export type ParcelView = z.infer<typeof parcelViewSchema>;

export const rejectionSchema = z.object({
  reason: z.enum(['not-this-network', 'unknown-parcel', 'other-customer', 'wrong-state', 'recalled']),
  trackingId: z.string(),
  /** For `recalled`: what the network said. */
  note: z.string().optional(),
  state: z.enum(PARCEL_STATES).optional(),
  since: z.number().int().optional(),
});
export type RejectionView = z.infer<typeof rejectionSchema>;

export const deliveryViewSchema = z.object({
  id: rowIdSchema,
  networkId: idSchema,
  storeScans: z.boolean(),
  handedOverAt: z.number().int(),
  deadlineAt: z.number().int().nullable(),
  postponesUsed: z.number().int(),
  postponesAllowed: z.number().int(),
  completedAt: z.number().int().nullable(),
  parcels: z.array(parcelViewSchema),
  counts: z.object({ scanned: z.number().int(), expected: z.number().int(), refused: z.number().int() }),
  inCustody: z.number().int(),
  capacity: z.number().int(),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const intakeResultSchema = z.object({
  outcome: z.enum(['received', 'already-scanned', 'rejected']),
  parcel: parcelViewSchema.optional(),
  rejection: rejectionSchema.optional(),
  unexpected: z.boolean().optional(),
  overCapacity: z.boolean().optional(),
  delivery: deliveryViewSchema,
});

export const pickupViewSchema = z.object({
  id: rowIdSchema,
  completedAt: z.number().int().nullable(),
  /** While open: when the hand-over is committed on its own unless undone (main's clock). */
  finishAt: z.number().int().nullable(),
  /** Each parcel with where it stands in this pickup, decided by main. */
  items: z.array(z.object({ parcel: parcelViewSchema, status: z.enum(PICKUP_ITEM_STATUSES) })),
});
export type PickupView = z.infer<typeof pickupViewSchema>;

export const pickupStartSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('found'), pickup: pickupViewSchema }),
  z.object({ outcome: z.literal('wrong-code'), lockedUntil: z.number().int().nullable() }),
  z.object({ outcome: z.literal('throttled'), lockedUntil: z.number().int() }),
  z.object({ outcome: z.literal('recalled'), trackingIds: z.array(z.string()) }),
]);

export const pickupScanSchema = z.object({
  outcome: z.enum(['scanned', 'already-scanned', 'rejected']),
  rejection: rejectionSchema.optional(),
  pickup: pickupViewSchema,
});

export const expiredViewSchema = z.object({
  id: rowIdSchema,
  networkId: idSchema,
  raisedAt: z.number().int(),
  deadlineAt: z.number().int(),
  completedAt: z.number().int().nullable(),
  /** Each parcel with where it stands in this notice, decided by main. */
  parcels: z.array(parcelViewSchema.extend({ status: z.enum(EXPIRED_ITEM_STATUSES) })),
  /** How many of the parcels are handled (scanned, collected, not found…). */
  handled: z.number().int(),
});
export type ExpiredView = z.infer<typeof expiredViewSchema>;

export const expiredScanSchema = z.object({
  outcome: z.enum(['scanned', 'already-scanned', 'rejected']),
  rejection: rejectionSchema.optional(),
  notice: expiredViewSchema,
});

const taskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('intake'), deliveryId: rowIdSchema, networkId: idSchema, deadlineAt: z.number().int() }),
  z.object({ kind: z.literal('expired-scan'), noticeId: rowIdSchema, networkId: idSchema, deadlineAt: z.number().int() }),
]);
export type TaskView = z.infer<typeof taskSchema>;

/** Everything the home screen, the banner and the blocking screen show. `now` is main's clock. */
export const counterStatusSchema = z.object({
  now: z.number().int(),
  blocking: taskSchema.nullable(),
  deadlines: z.array(taskSchema),
  openDeliveries: z.array(
    z.object({ id: rowIdSchema, networkId: idSchema, deadlineAt: z.number().int().nullable(), unscanned: z.number().int() }),
  ),
  expiredNotices: z.array(z.object({ id: rowIdSchema, networkId: idSchema, deadlineAt: z.number().int(), waiting: z.number().int() })),
  returnsWaiting: z.array(z.object({ networkId: idSchema, count: z.number().int() })),
  overdueReturns: z.array(z.object({ networkId: idSchema, count: z.number().int(), oldestReadyAt: z.number().int() })),
});
export type CounterStatus = z.infer<typeof counterStatusSchema>;

export const locateResultSchema = z.object({ parcel: parcelViewSchema.nullable() });

export const shelfSlotViewSchema = z.object({
  id: z.string(),
  size: z.enum(PARCEL_SIZES),
  capacity: z.number().int(),
  occupied: z.number().int(),
});

export const trainingCustomerSchema = z.object({
  recipientName: z.string(),
  code: z.string(),
  barcode: z.string(),
  trackingIds: z.array(z.string()),
});
