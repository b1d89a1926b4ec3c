import { z } from 'zod';

/** Frames on the WebSocket transport. The IPC transport carries the same call and event shapes natively. */
export const callFrameSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  call: z.string().max(100),
  input: z.unknown().optional(),
});
export type CallFrame = z.infer<typeof callFrameSchema>;

export type ServerFrame =
  | { id: number; envelope: import('./errors').Envelope<unknown> }
  | { event: string; payload: unknown };
