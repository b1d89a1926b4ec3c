import { z } from 'zod';
import { HOURS_RULES, hoursExceptionSchema, openingHoursInputSchema, timeRangeSchema, weekSchema } from '../../core/hours/hours-shapes';

export const openingHoursSchema = z.object({
  week: weekSchema,
  exceptions: z.array(hoursExceptionSchema),
  reviewedAt: z.number().int(),
});

export const hoursIssueSchema = z.object({ field: z.string(), rule: z.enum(HOURS_RULES) });

/** A save either keeps every rule and is stored, or stores nothing and lists what is wrong, field by field. */
export const hoursSaveResultSchema = z.object({
  saved: z.boolean(),
  issues: z.array(hoursIssueSchema),
  hours: openingHoursSchema,
});

export const todayHoursSchema = z.object({
  date: z.string(),
  weekday: z.number().int().min(0).max(6),
  ranges: z.array(timeRangeSchema),
  exception: z.object({ kind: z.enum(['holiday', 'closure']), note: z.string() }).nullable(),
  reviewedAt: z.number().int(),
  reviewDueAt: z.number().int(),
  reviewDue: z.boolean(),
});
export type TodayHoursView = z.infer<typeof todayHoursSchema>;

export type TimeRange = z.infer<typeof timeRangeSchema>;
export type HoursException = z.infer<typeof hoursExceptionSchema>;
export type OpeningHoursInput = z.input<typeof openingHoursInputSchema>;
