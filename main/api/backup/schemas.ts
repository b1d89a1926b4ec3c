import { z } from 'zod';

export const backupNameSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(daily|pre-migration|manual)$/);

export const backupInfoSchema = z.object({
  name: backupNameSchema,
  at: z.number().int(),
  kind: z.enum(['daily', 'pre-migration', 'manual']),
  sizeBytes: z.number().int(),
});

export const backupListSchema = z.object({ folder: z.string(), backups: z.array(backupInfoSchema) });
