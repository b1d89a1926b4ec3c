import { z } from 'zod';

/** The shapes of opening hours, shared by core's rules and the api contract. Pure: zod only. */

/** The Amazon store feed takes at most 30 planned exceptional closures; every network gets the same list. */
export const MAX_PLANNED_EXCEPTIONS = 30;
/** "HH:MM" from 00:00 to 24:00 (24:00 only makes sense as a closing time; the rules refuse it as an opening). */
export const timeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a date');
export const timeRangeSchema = z.strictObject({ opens: timeSchema, closes: timeSchema });
/** Seven days, Monday first; a day with no ranges is closed. */
export const weekSchema = z.array(z.array(timeRangeSchema).max(8)).length(7);
export const hoursExceptionSchema = z.strictObject({
  date: dateSchema,
  kind: z.enum(['holiday', 'closure']),
  note: z.string().trim().max(200),
  /** Empty: closed all day. Otherwise the special hours of that day. */
  ranges: z.array(timeRangeSchema).max(8),
});
export const openingHoursInputSchema = z.strictObject({
  week: weekSchema,
  exceptions: z.array(hoursExceptionSchema).max(400),
});
export type TimeRange = z.infer<typeof timeRangeSchema>;
export type HoursException = z.infer<typeof hoursExceptionSchema>;
export type OpeningHoursInput = z.infer<typeof openingHoursInputSchema>;

export const HOURS_RULES = ['closeBeforeOpen', 'overlap', 'duplicateDate', 'tooManyExceptions'] as const;
export type HoursRule = (typeof HOURS_RULES)[number];
