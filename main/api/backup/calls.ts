import { z } from 'zod';
import { call, none } from '../call';
import { backupListSchema, backupNameSchema } from './schemas';

export const backupCalls = {
  'backups.list': call(none, backupListSchema),
  /** A backup now, with the backup API, then the rotation. */
  'backups.create': call(none, backupListSchema),
  /** Where backups go (an absolute folder); empty: back to the default inside the data folder. */
  'backups.setFolder': call(z.strictObject({ folder: z.string().trim().max(500) }), backupListSchema),
  /**
   * Checks the backup (integrity_check and the custody chain) before
   * anything is replaced, keeps the replaced file aside, and restarts the
   * core on the restored file.
   */
  'backups.restore': call(z.strictObject({ name: backupNameSchema }), z.object({ restored: backupNameSchema, replacedKeptIn: z.string() })),
} as const;
