import { z } from 'zod';

export const kioskStateSchema = z.object({
  /** The window is locked down now. */
  on: z.boolean(),
  /** The manager's setting: the counter starts in kiosk mode. */
  setting: z.boolean(),
  /** Started with `--kiosk`. */
  flag: z.boolean(),
  /** The manager's setting: the screen is a touch screen. */
  touchScreen: z.boolean(),
  /** Text fields get the on-screen keyboard: in kiosk mode or on a touch screen. */
  keyboard: z.boolean(),
});
export type KioskStateView = z.infer<typeof kioskStateSchema>;

export const kioskLeaveResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('left'), state: kioskStateSchema }),
  z.object({ outcome: z.literal('wrong-pin'), freeLeft: z.number().int().min(0), lockedUntil: z.number().int().nullable() }),
  z.object({ outcome: z.literal('locked'), lockedUntil: z.number().int() }),
]);

/**
 * Who keeps the display awake: `main` (Electron's power save blocker) or
 * `page`, where main cannot (the browser host): the page holds a screen wake lock itself.
 */
export const displayAwakeSchema = z.object({ heldBy: z.enum(['main', 'page']) });
