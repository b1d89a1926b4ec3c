import type { Clock } from '../clock';
import { announceWhenDue, type DeadlineSource } from '../scheduler';
import { ExpirySweepError } from './expiry';
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
        let expired: number;
        try {
          expired = counter.expiry.sweep();
        } catch (error) {
          // The other networks' parcels did expire: the screen must hear of them even though this run failed.
          if (error instanceof ExpirySweepError && error.expired > 0) changed();
          throw error;
        }
        if (expired > 0) changed();
      },
    },
    announceWhenDue('blocking-deadlines', clock, (after) => counter.blocking.nextDeadlineAt(after), changed),
    announceWhenDue('return-escalation', clock, (after) => counter.returns.nextEscalationAt(after), changed),
  ];
}
