import { z } from 'zod';
import { call, none } from '../call';
import { updateChannelSchema } from '../../core/updates/update-shapes';
import { updateStatusSchema } from './schemas';

export const updatesCalls = {
  /** The running version, the channel, a downloaded update and why it waits, the notes after an update. */
  'updates.status': call(none, updateStatusSchema),
  'updates.setChannel': call(z.strictObject({ channel: updateChannelSchema }), updateStatusSchema),
  /** A manager's "restart now": installs at once unless a flow is open or a deadline runs, then as soon as none is. */
  'updates.restartNow': call(none, updateStatusSchema),
  /** "Later": the downloaded update waits until a manager chooses "restart now". */
  'updates.later': call(none, updateStatusSchema),
  'updates.releaseNotesSeen': call(none, updateStatusSchema),
  /** A manager's setting: the app opens when the counter PC's user logs in. */
  'updates.setOpenAtLogin': call(z.strictObject({ openAtLogin: z.boolean() }), updateStatusSchema),
} as const;
