import { z } from 'zod';

/** The shapes of opening hours, shared by core's rules and the api contract. Pure: zod only. */

/** The Amazon store feed takes at most 30 planned exceptional closures; every network gets the same list. */
export const MAX_PLANNED_EXCEPTIONS = 30;
/** "HH:MM" from 00:00 to 24:00 (24:00 only makes sense as a closing time; the rules refuse it as an opening). */
export const timeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);
/** "YYYY-MM-DD", a day the calendar has (zod knows the months' lengths and the leap years). */
export const dateSchema = z.iso.date();
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
