import { z } from 'zod';

/** The shapes of updates shared by core and the contract. Pure: zod only. */

/** Stable gets releases; beta also gets pre-releases from the beta feed. */
export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export const updateChannelSchema = z.enum(UPDATE_CHANNELS);
export type UpdateChannel = z.infer<typeof updateChannelSchema>;

export const STAFF_UPDATE_CHOICES = ['none', 'later', 'restart-now'] as const;
export const UPDATE_WAIT_REASONS = [
  'not-downloaded',
  'outside-rollout',
  'open-flow',
  'running-deadline',
  'staff-later',
  'opening-hours',
] as const;

/** What a release says of itself, shown once after it was installed. Plain text: the renderer never renders it as HTML. */
export const releaseNotesSchema = z.object({ version: z.string().max(64), notes: z.string().max(20_000) });
export type ReleaseNotes = z.infer<typeof releaseNotesSchema>;
