import { call, none } from '../call';
import { openingHoursInputSchema } from '../../core/hours/hours-shapes';
import { hoursSaveResultSchema, openingHoursSchema, todayHoursSchema } from './schemas';

export const hoursCalls = {
  'hours.get': call(none, openingHoursSchema),
  /** Checked in main (no overlap, closing after opening, at most 30 planned exceptions); a refused save stores nothing. */
  'hours.save': call(openingHoursInputSchema, hoursSaveResultSchema),
  'hours.today': call(none, todayHoursSchema),
  /** "Reviewed, nothing to change": the reminder comes back 30 days later. */
  'hours.markReviewed': call(none, todayHoursSchema),
} as const;
