import type { Clock } from '../clock';
import { announceWhenDue, type DeadlineSource } from '../scheduler';
import type { ParcelCounter } from './parcel-counter';

/**
 * The parcel counter's times: parcels whose retention ended move to expired
 * (raising the notice), and the screen hears when an intake or expired-scan
 * deadline passes (blocking) or returns become overdue.
 */
export function parcelDeadlines(counter: ParcelCounter, clock: Clock, changed: () => void): DeadlineSource[] {
  return [
    {
      name: 'parcel-expiry',
      nextAt: () => counter.expiry.nextExpiryAt(),
      run: () => {
        if (counter.expiry.sweep() > 0) changed();
      },
    },
    announceWhenDue('blocking-deadlines', clock, (after) => counter.blocking.nextDeadlineAt(after), changed),
    announceWhenDue('return-escalation', clock, (after) => counter.returns.nextEscalationAt(after), changed),
  ];
}
