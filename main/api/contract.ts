import { z } from 'zod';
import { driverQrSchema, idSchema, languageSchema, networkSummarySchema, scanSchema, systemStatusSchema, uiSettingsSchema } from './schemas';

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
  'driverQr.show': call(z.strictObject({ networkId: idSchema }), driverQrSchema),
} as const;

/** Every event main pushes to the renderer. */
export const events = {
  /** The driver QR of a network moved to a new time step. */
  'driverQr.rotated': driverQrSchema,
  /** A barcode arrived from a scanner (wedge, serial or HID). */
  'scanner.scanned': scanSchema,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
