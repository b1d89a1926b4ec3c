import type { Clock } from '../clock';
import { announceWhenDue, type DeadlineSource } from '../scheduler';
import type { OpeningHoursService } from './opening-hours';

/** The home screen's reminder to review the opening-hours exceptions appears when it falls due, not at the next reload. */
export function hoursReviewReminder(hours: OpeningHoursService, clock: Clock, changed: () => void): DeadlineSource {
  return announceWhenDue(
    'hours-review',
    clock,
    (after) => {
      const dueAt = hours.reviewDueAt();
      return dueAt > after ? dueAt : undefined;
    },
    changed,
  );
}
