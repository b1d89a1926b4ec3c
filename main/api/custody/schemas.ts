import { z } from 'zod';
import { dateSchema as calendarDateSchema } from '../../core/hours/hours-shapes';

/** A day of the log: a real calendar date in the years the counter can have written (Date.UTC reads years 0-99 as 1900-1999). */
export const dateSchema = calendarDateSchema.refine((d) => d >= '2000-01-01' && d <= '2999-12-31', 'out of range');

export const chainBreakSchema = z.object({
  eventId: z.number().int(),
  at: z.number().int().nullable(),
  problem: z.enum(['edited', 'link', 'tail']),
});
