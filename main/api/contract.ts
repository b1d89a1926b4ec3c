import { z } from 'zod';
import { driverQrCalls } from './driver-qr/calls';
import { hoursCalls } from './hours/calls';
import { inventoryCalls } from './inventory/calls';
import { networkCalls } from './networks/calls';
import { driverCheckInSchema, networkLinkSchema } from './networks/schemas';
import { parcelCalls } from './parcels/calls';
import { scanningCalls } from './scanning/calls';
import { driverQrSchema, scannerStatusEventSchema, scanSchema } from './schemas';
import { storeCalls } from './store/calls';
import { serviceCalls } from './service/calls';
import { supportCalls } from './support/calls';
import { systemCalls } from './system/calls';
import { updatesCalls } from './updates/calls';
import { staffCalls } from './staff/calls';
import { sessionSchema } from './staff/schemas';
import { custodyCalls } from './custody/calls';
import { backupCalls } from './backup/calls';
import { kioskCalls } from './kiosk/calls';
import { kioskStateSchema } from './kiosk/schemas';

/**
 * Every call the renderer can make, merged from each feature's calls.ts. This
 * object is the whole surface between the renderer and main: both transports
 * serve it, the client is typed by it, and main validates every input against
 * it before anything runs.
 */
export const calls = {
  ...systemCalls,
  ...networkCalls,
  ...storeCalls,
  ...driverQrCalls,
  ...parcelCalls,
  ...scanningCalls,
  ...inventoryCalls,
  ...hoursCalls,
  ...supportCalls,
  ...serviceCalls,
  ...updatesCalls,
  ...staffCalls,
  ...custodyCalls,
  ...backupCalls,
  ...kioskCalls,
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
  /** Kiosk mode went on or off (a manager's setting, or a manager's PIN to leave it). */
  'kiosk.changed': kioskStateSchema,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
