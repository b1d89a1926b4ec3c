import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '../core/support/support-shapes';

/**
 * The largest frame a legitimate call needs: a support reply with every
 * attachment at its largest, in base64, plus a generous margin for the rest of
 * the call (a 5 000-character body is at most 30 000 bytes of JSON). The
 * WebSocket transport refuses anything bigger before reading it.
 */
export const MAX_CALL_FRAME_BYTES = MAX_ATTACHMENTS_PER_MESSAGE * (Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4) + 64 * 1024;

/** Frames on the WebSocket transport. The IPC transport carries the same call and event shapes natively. */
export const callFrameSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  call: z.string().max(100),
  input: z.unknown().optional(),
});
export type CallFrame = z.infer<typeof callFrameSchema>;

export type ServerFrame = { id: number; envelope: import('./errors').Envelope<unknown> } | { event: string; payload: unknown };
