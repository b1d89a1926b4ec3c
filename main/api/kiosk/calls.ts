import { z } from 'zod';
import { call, none } from '../call';
import { staffIdSchema } from '../staff/schemas';
import { displayAwakeSchema, kioskLeaveResultSchema, kioskStateSchema } from './schemas';

export const kioskCalls = {
  'kiosk.state': call(none, kioskStateSchema),
  /** The manager's setting: start every time in kiosk mode. */
  'kiosk.setEnabled': call(z.strictObject({ enabled: z.boolean() }), kioskStateSchema),
  /** The manager's setting: a touch screen, so text fields get the on-screen keyboard also outside kiosk mode. */
  'kiosk.setTouchScreen': call(z.strictObject({ enabled: z.boolean() }), kioskStateSchema),
  /** Leaves kiosk mode until the next start; only a manager's PIN does (wrong PINs count like at sign-in). */
  'kiosk.leave': call(z.strictObject({ staffId: staffIdSchema, pin: z.string().max(8) }), kioskLeaveResultSchema),
  /** The driver QR is on screen (`awake`) or gone: main keeps the display on, or says the page must. */
  'display.keepAwake': call(z.strictObject({ awake: z.boolean() }), displayAwakeSchema),
} as const;
