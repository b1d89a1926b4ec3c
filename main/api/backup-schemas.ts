import { z } from 'zod';

export const backupNameSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(daily|pre-migration|manual)$/);

export const backupInfoSchema = z.object({
  name: backupNameSchema,
  at: z.number().int(),
  kind: z.enum(['daily', 'pre-migration', 'manual']),
  sizeBytes: z.number().int(),
});

const backupListSchema = z.object({ folder: z.string(), backups: z.array(backupInfoSchema) });

export const backupCalls = {
  'backups.list': { input: z.undefined(), output: backupListSchema },
  /** A backup now, with the backup API, then the rotation. */
  'backups.create': { input: z.undefined(), output: backupListSchema },
  /** Where backups go (an absolute folder); empty: back to the default inside the data folder. */
  'backups.setFolder': { input: z.strictObject({ folder: z.string().trim().max(500) }), output: backupListSchema },
  /**
   * Checks the backup (integrity_check and the custody chain) before
   * anything is replaced, keeps the replaced file aside, and restarts the
   * core on the restored file.
   */
  'backups.restore': { input: z.strictObject({ name: backupNameSchema }), output: z.object({ restored: backupNameSchema, replacedKeptIn: z.string() }) },
} as const;
