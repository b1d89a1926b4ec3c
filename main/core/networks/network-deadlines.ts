import type { Clock } from '../clock';
import { announceWhenDue, type DeadlineSource } from '../scheduler';
import type { DriverCheckIns } from './driver-check-ins';

/** A driver check-in leaves the home screen 30 minutes after it arrived: the screen hears of it then. */
export function checkInExpiry(checkIns: DriverCheckIns, clock: Clock, changed: () => void): DeadlineSource {
  return announceWhenDue('check-in-expiry', clock, (after) => checkIns.nextExpiryAt(after), changed);
}
