import { z } from 'zod';
import {
  releaseNotesSchema,
  STAFF_UPDATE_CHOICES,
  UPDATE_CHANNELS,
  UPDATE_WAIT_REASONS,
  updateChannelSchema,
  type ReleaseNotes,
  type UpdateChannel,
} from '../../core/updates/update-shapes';

export { UPDATE_CHANNELS, type ReleaseNotes, type UpdateChannel };

export const updateStatusSchema = z.object({
  version: z.string(),
  channel: updateChannelSchema,
  /** `unavailable`: this process cannot update itself (the browser host, an unpackaged app). */
  updater: z.enum(['running', 'unavailable']),
  /** The update downloaded and waiting, and why it waits (null once nothing holds it back). */
  downloaded: z.object({ version: z.string(), waitReason: z.enum(UPDATE_WAIT_REASONS).nullable() }).nullable(),
  staffChoice: z.enum(STAFF_UPDATE_CHOICES),
  /** The notes of the version now running, until staff read them. */
  releaseNotes: releaseNotesSchema.nullable(),
  openAtLogin: z.boolean(),
  /** Whether this process can register itself to open at login. */
  openAtLoginSupported: z.boolean(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
