import type { DeadlineSource } from '../scheduler';
import type { SupportDesk } from './support-desk';

/** A case the operator answered closes itself after 7 days without a reply from the shop, at the stored time. */
export function supportAutoClose(support: SupportDesk, changed: () => void): DeadlineSource {
  return {
    name: 'support-auto-close',
    nextAt: () => support.nextAutoCloseAt(),
    run: (now) => {
      if (support.sweepAutoClose(now) > 0) changed();
    },
  };
}
