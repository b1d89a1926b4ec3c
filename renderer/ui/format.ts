import { useI18n } from 'vue-i18n';

/** "12:05" for a countdown; hours when there are any ("1:59:59"); never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return h > 0 ? `${h}:${mm}:${String(s).padStart(2, '0')}` : `${mm}:${String(s).padStart(2, '0')}`;
}

/** "QC12 3456 7890": tracking IDs read back in groups of four are easier to compare with a label. */
export function groupTrackingId(trackingId: string): string {
  return trackingId.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * "14:05" for a time today, "3 Mar, 14:05" for one on another day, in the
 * staff member's language. `now` is main's clock (the counter store's), so
 * "today" is the app's today, not the page's.
 */
export function useTimeText(): (ms: number, now: number) => string {
  const { d } = useI18n();
  return (ms, now) => {
    const at = new Date(ms);
    return at.toDateString() === new Date(now).toDateString() ? d(at, 'clock') : d(at, 'dayClock');
  };
}
