import { z } from 'zod';
import { call, none } from '../call';
import { shelfSlotInputSchema } from '../../core/parcels/parcel-shapes';
import {
  counterStatusSchema,
  deliveryViewSchema,
  entryMethodSchema,
  expiredScanSchema,
  expiredViewSchema,
  intakeResultSchema,
  locateResultSchema,
  parcelViewSchema,
  pickupScanSchema,
  pickupStartSchema,
  pickupViewSchema,
  shelfSlotViewSchema,
  trackingInputSchema,
  trainingCustomerSchema,
} from './schemas';
import { idSchema, rowIdSchema } from '../schemas';

export const parcelCalls = {
  'counter.status': call(none, counterStatusSchema),
  'delivery.handOver': call(z.strictObject({ networkId: idSchema }), deliveryViewSchema),
  'delivery.get': call(z.strictObject({ deliveryId: rowIdSchema }), deliveryViewSchema),
  'delivery.scan': call(
    z.strictObject({ deliveryId: rowIdSchema, trackingId: trackingInputSchema, method: entryMethodSchema }),
    intakeResultSchema,
  ),
  'delivery.refuseDamaged': call(
    z.strictObject({ deliveryId: rowIdSchema, trackingId: trackingInputSchema, method: entryMethodSchema }),
    deliveryViewSchema,
  ),
  /** `confirmed` must be true: staff confirm they were reminded of the limit. */
  'delivery.postpone': call(z.strictObject({ deliveryId: rowIdSchema, confirmed: z.literal(true) }), deliveryViewSchema),
  'delivery.complete': call(
    z.strictObject({ deliveryId: rowIdSchema }),
    z.object({ delivery: deliveryViewSchema, notDelivered: z.number().int() }),
  ),
  'delivery.suggest': call(z.strictObject({ deliveryId: rowIdSchema, typed: z.string().max(64) }), z.array(z.string())),
  'pickup.start': call(
    z.strictObject({ code: z.string().regex(/^\d{6}$/), method: entryMethodSchema, networkId: idSchema.optional() }),
    pickupStartSchema,
  ),
  'pickup.get': call(z.strictObject({ pickupId: rowIdSchema }), pickupViewSchema),
  'pickup.scan': call(
    z.strictObject({ pickupId: rowIdSchema, trackingId: trackingInputSchema, method: entryMethodSchema }),
    pickupScanSchema,
  ),
  'pickup.resolve': call(
    z.strictObject({ pickupId: rowIdSchema, parcelId: rowIdSchema, resolution: z.enum(['not-found', 'refused']) }),
    pickupViewSchema,
  ),
  'pickup.complete': call(z.strictObject({ pickupId: rowIdSchema }), pickupViewSchema),
  /** Inside a one-parcel pickup's undo window: nothing is handed over and the parcel is to scan again. After it: PICKUP_UNDO_CLOSED. */
  'pickup.undoFinish': call(z.strictObject({ pickupId: rowIdSchema }), pickupViewSchema),
  'pickup.suggest': call(z.strictObject({ pickupId: rowIdSchema, typed: z.string().max(64) }), z.array(z.string())),
  /** A manager forgives the wrong codes so far, so codes can be typed again (staff roles: managers only). */
  'pickups.liftCodeLock': call(none, z.object({ liftedAt: z.number().int() })),
  'expired.get': call(z.strictObject({ noticeId: rowIdSchema }), expiredViewSchema),
  'expired.scan': call(
    z.strictObject({ noticeId: rowIdSchema, trackingId: trackingInputSchema, method: entryMethodSchema }),
    expiredScanSchema,
  ),
  /** `confirmed` must be true: staff confirmed "Cannot find" with OK. */
  'expired.cannotFind': call(
    z.strictObject({ noticeId: rowIdSchema, parcelId: rowIdSchema, confirmed: z.literal(true) }),
    expiredViewSchema,
  ),
  'returns.list': call(z.strictObject({ networkId: idSchema }), z.array(parcelViewSchema)),
  'returns.handOver': call(
    z.strictObject({
      networkId: idSchema,
      items: z
        .array(z.strictObject({ parcelId: rowIdSchema, scanned: z.boolean() }))
        .min(1)
        .max(500),
    }),
    z.array(parcelViewSchema),
  ),
  'parcels.locate': call(z.strictObject({ trackingId: trackingInputSchema }), locateResultSchema),
  'slots.list': call(none, z.array(shelfSlotViewSchema)),
  'slots.configure': call(z.strictObject({ slots: z.array(shelfSlotInputSchema).min(1).max(200) }), z.array(shelfSlotViewSchema)),
  'training.driverArrives': call(z.strictObject({ networkId: idSchema, count: z.number().int().min(1).max(50) }), deliveryViewSchema),
  'training.customerArrives': call(z.strictObject({ networkId: idSchema }), trainingCustomerSchema),
  'training.passDays': call(z.strictObject({ days: z.number().int().min(1).max(30) }), counterStatusSchema),
} as const;
