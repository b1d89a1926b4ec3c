import { z } from 'zod';
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
  rowIdSchema,
  shelfSlotViewSchema,
  trackingInputSchema,
  trainingCustomerSchema,
} from './parcel-schemas';
import {
  attachmentsInputSchema,
  callbackViewSchema,
  caseDetailSchema,
  caseFilterSchema,
  caseListSchema,
  caseSortSchema,
  caseViewSchema,
  collaboratorSchema,
  emailSchema,
  newCaseSchema,
  officeHoursSchema,
  supportConfigSchema,
} from './support-schemas';
import { openingHoursInputSchema } from '../core/hours/opening-hours';
import { hoursSaveResultSchema, openingHoursSchema, todayHoursSchema } from './hours-schemas';
import { inventoryFilterSchema, inventoryPageSchema, inventoryParcelSchema, syncResultSchema } from './inventory-schemas';
import {
  connectionTestInputSchema,
  connectionTestSchema,
  driverCheckInSchema,
  networkConfigSchema,
  networkLinkSchema,
  networkSaveSchema,
  storeProfileSchema,
} from './network-schemas';
import { shelfSlotInputSchema } from '../core/parcels/shelf-slots';
import { scannerConfigSchema, scannerPreferencesSchema } from '../core/scanning/scanner-config';
import { sessionSchema, staffCalls } from './staff-schemas';
import { custodyCalls } from './custody-schemas';
import { backupCalls } from './backup-schemas';
import {
  availableScannersSchema,
  scannerStatusEventSchema,
  scannerViewSchema,
  wedgeKeysSchema,
  driverQrSchema, idSchema, languageSchema, networkSummarySchema, scanSchema, systemStatusSchema, uiSettingsSchema } from './schemas';

/** A call: one input, one answer. Inputs are strict: an unknown key is bad input, not ignored. */
function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}
const none = z.undefined();

/**
 * Every call the renderer can make. This object is the whole surface between
 * the renderer and main: both transports serve it, the client is typed by it,
 * and main validates every input against it before anything runs.
 */
export const calls = {
  'system.status': call(none, systemStatusSchema),
  'settings.get': call(none, uiSettingsSchema),
  'settings.setLanguage': call(z.strictObject({ language: languageSchema }), uiSettingsSchema),
  'networks.list': call(none, z.array(networkSummarySchema)),
  /** Every network with its URL, policy and overrides, for the settings screen. */
  'networks.configs': call(none, z.array(networkConfigSchema)),
  /** Adds an HTTP network (no id) or saves the staff's changes to one. */
  'networks.save': call(networkSaveSchema, networkConfigSchema),
  /** Asks the network who this store is, with the URL and token given (saved or not). */
  'networks.testConnection': call(connectionTestInputSchema, connectionTestSchema),
  /** Online or offline per enabled network, with the last sync and the events waiting. */
  'networks.links': call(none, z.array(networkLinkSchema)),
  /** Drivers a network saw scan the store's QR in the last 30 minutes, not yet dismissed. */
  'networks.checkIns': call(none, z.array(driverCheckInSchema)),
  'networks.dismissCheckIn': call(z.strictObject({ id: z.number().int().positive() }), z.null()),
  /** The store's name, address, time zone and capabilities, as every network receives them. */
  'store.profile': call(none, storeProfileSchema),
  'store.saveProfile': call(storeProfileSchema, storeProfileSchema),
  'driverQr.show': call(z.strictObject({ networkId: idSchema }), driverQrSchema),

  'counter.status': call(none, counterStatusSchema),

  'delivery.handOver': call(z.strictObject({ networkId: idSchema }), deliveryViewSchema),
  'delivery.get': call(z.strictObject({ deliveryId: rowIdSchema }), deliveryViewSchema),
  'delivery.scan': call(z.strictObject({ deliveryId: rowIdSchema, trackingId: trackingInputSchema, method: entryMethodSchema }), intakeResultSchema),
  'delivery.refuseDamaged': call(z.strictObject({ deliveryId: rowIdSchema, trackingId: trackingInputSchema, method: entryMethodSchema }), deliveryViewSchema),
  /** `confirmed` must be true: staff confirm they were reminded of the limit. */
  'delivery.postpone': call(z.strictObject({ deliveryId: rowIdSchema, confirmed: z.literal(true) }), deliveryViewSchema),
  'delivery.complete': call(z.strictObject({ deliveryId: rowIdSchema }), z.object({ delivery: deliveryViewSchema, notDelivered: z.number().int() })),
  'delivery.suggest': call(z.strictObject({ deliveryId: rowIdSchema, typed: z.string().max(64) }), z.array(z.string())),

  'pickup.start': call(z.strictObject({ code: z.string().regex(/^\d{6}$/), method: entryMethodSchema, networkId: idSchema.optional() }), pickupStartSchema),
  'pickup.get': call(z.strictObject({ pickupId: rowIdSchema }), pickupViewSchema),
  'pickup.scan': call(z.strictObject({ pickupId: rowIdSchema, trackingId: trackingInputSchema, method: entryMethodSchema }), pickupScanSchema),
  'pickup.resolve': call(z.strictObject({ pickupId: rowIdSchema, parcelId: rowIdSchema, resolution: z.enum(['not-found', 'refused']) }), pickupViewSchema),
  'pickup.complete': call(z.strictObject({ pickupId: rowIdSchema }), pickupViewSchema),
  'pickup.suggest': call(z.strictObject({ pickupId: rowIdSchema, typed: z.string().max(64) }), z.array(z.string())),

  'expired.get': call(z.strictObject({ noticeId: rowIdSchema }), expiredViewSchema),
  'expired.scan': call(z.strictObject({ noticeId: rowIdSchema, trackingId: trackingInputSchema, method: entryMethodSchema }), expiredScanSchema),
  /** `confirmed` must be true: staff confirmed "Cannot find" with OK. */
  'expired.cannotFind': call(z.strictObject({ noticeId: rowIdSchema, parcelId: rowIdSchema, confirmed: z.literal(true) }), expiredViewSchema),

  'returns.list': call(z.strictObject({ networkId: idSchema }), z.array(parcelViewSchema)),
  'returns.handOver': call(
    z.strictObject({ networkId: idSchema, items: z.array(z.strictObject({ parcelId: rowIdSchema, scanned: z.boolean() })).min(1).max(500) }),
    z.array(parcelViewSchema),
  ),

  'parcels.locate': call(z.strictObject({ trackingId: trackingInputSchema }), locateResultSchema),

  'slots.list': call(none, z.array(shelfSlotViewSchema)),
  'slots.configure': call(z.strictObject({ slots: z.array(shelfSlotInputSchema).min(1).max(200) }), z.array(shelfSlotViewSchema)),

  'training.driverArrives': call(z.strictObject({ networkId: idSchema, count: z.number().int().min(1).max(50) }), deliveryViewSchema),
  'training.customerArrives': call(z.strictObject({ networkId: idSchema }), trainingCustomerSchema),
  'scanners.list': call(none, z.array(scannerViewSchema)),
  'scanners.available': call(none, availableScannersSchema),
  'scanners.add': call(z.strictObject({ config: scannerConfigSchema }), z.array(scannerViewSchema)),
  'scanners.remove': call(z.strictObject({ id: z.string().min(1).max(220) }), z.array(scannerViewSchema)),
  'scanners.preferences': call(none, scannerPreferencesSchema),
  'scanners.setPreferences': call(z.strictObject({ preferences: scannerPreferencesSchema }), scannerPreferencesSchema),
  /** Key-downs the browser host's page forwards to the keyboard-wedge detector in main. */
  'wedge.keys': call(wedgeKeysSchema, z.object({ accepted: z.number().int() })),

  'training.passDays': call(z.strictObject({ days: z.number().int().min(1).max(30) }), counterStatusSchema),

  /** One page of customers (grouped in SQL, LIMIT/OFFSET) for the current search and state filter. */
  'inventory.customers': call(
    z.strictObject({ filter: inventoryFilterSchema, offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(200) }),
    inventoryPageSchema,
  ),
  'inventory.customer': call(z.strictObject({ name: z.string().min(1).max(200), filter: inventoryFilterSchema }), z.array(inventoryParcelSchema)),
  /** Every parcel of the current view (all pages) as CSV text made in main; the renderer downloads it. */
  'inventory.exportCsv': call(z.strictObject({ filter: inventoryFilterSchema }), z.object({ csv: z.string(), count: z.number().int(), fileName: z.string() })),
  /** Pulls each network's manifest through its adapter; keeps when the last full sync succeeded. */
  'inventory.sync': call(none, syncResultSchema),

  'hours.get': call(none, openingHoursSchema),
  /** Checked in main (no overlap, closing after opening, at most 30 planned exceptions); a refused save stores nothing. */
  'hours.save': call(openingHoursInputSchema, hoursSaveResultSchema),
  'hours.today': call(none, todayHoursSchema),
  /** "Reviewed, nothing to change": the reminder comes back 30 days later. */
  'hours.markReviewed': call(none, todayHoursSchema),

  /** "Contact support": a call back to a phone number main validates (libphonenumber-js); stored, then sent. */
  'help.requestCallback': call(z.strictObject({ phone: z.string().trim().min(3).max(40), country: z.string().regex(/^[A-Z]{2}$/) }), callbackViewSchema),
  'help.callbacks': call(none, z.array(callbackViewSchema)),

  'support.config': call(none, supportConfigSchema),
  'support.setOfficeHours': call(z.strictObject({ officeHours: officeHoursSchema }), supportConfigSchema),
  'support.addCollaborator': call(z.strictObject({ name: z.string().trim().min(1).max(80), email: emailSchema }), z.array(collaboratorSchema)),
  'support.removeCollaborator': call(z.strictObject({ id: z.number().int().positive() }), z.array(collaboratorSchema)),
  'support.open': call(newCaseSchema, caseViewSchema),
  'support.list': call(
    z.strictObject({ filter: caseFilterSchema, sort: caseSortSchema, page: z.number().int().min(1).max(100_000), pageSize: z.number().int().min(1).max(100) }),
    caseListSchema,
  ),
  'support.get': call(z.strictObject({ caseId: z.number().int().positive() }), caseDetailSchema),
  /** A reply with up to 3 files; the files travel as base64 bytes and main copies them into its data folder. */
  'support.reply': call(
    z.strictObject({ caseId: z.number().int().positive(), body: z.string().trim().min(1).max(5000), attachments: attachmentsInputSchema }),
    caseDetailSchema,
  ),
  /** Changing the primary email changes the case's owner. */
  'support.edit': call(
    z.strictObject({
      caseId: z.number().int().positive(),
      primaryEmail: emailSchema,
      cc: z.array(emailSchema).max(10),
      shortDescription: z.string().trim().min(1).max(120),
    }),
    caseDetailSchema,
  ),
  'support.close': call(z.strictObject({ caseId: z.number().int().positive() }), caseDetailSchema),
  /** Every case the filter shows (all pages) as CSV text; the renderer saves it. */
  'support.exportCsv': call(
    z.strictObject({ filter: caseFilterSchema, sort: caseSortSchema }),
    z.object({ csv: z.string(), count: z.number().int(), fileName: z.string() }),
  ),
  'support.attachment': call(
    z.strictObject({ attachmentId: z.number().int().positive() }),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  ),

  ...staffCalls,
  ...custodyCalls,
  ...backupCalls,
} as const;

/** Every event main pushes to the renderer. */
export const events = {
  /** The driver QR of a network moved to a new time step. */
  'driverQr.rotated': driverQrSchema,
  /** A barcode arrived from a scanner (wedge, serial or HID). */
  'scanner.scanned': scanSchema,
  /** Parcels, deadlines or blocking may have changed: the renderer re-reads counter.status. */
  'counter.changed': z.object({ at: z.number().int() }),
  /** A scanner connected, disconnected or failed. */
  'scanner.status': scannerStatusEventSchema,
  /** A network went online or offline, answered, or has events waiting: the status bar re-renders. */
  'networks.links': z.array(networkLinkSchema),
  /** A network says one of its drivers is at the counter. */
  'networks.driverCheckedIn': driverCheckInSchema,
  /** Someone signed in, switched, or the counter locked itself. */
  'session.changed': sessionSchema,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
