import { useI18n } from 'vue-i18n';

/** One formatter per language: building an Intl.DateTimeFormat costs far more than using one, and the board names a day in every cell. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(localeTag: string): Intl.DateTimeFormat {
  let format = dayFormats.get(localeTag);
  if (!format)
    dayFormats.set(
      localeTag,
      (format = new Intl.DateTimeFormat(localeTag, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })),
    );
  return format;
}

/** Dates and times of the service desk in the staff member's language. */
export function useServiceText() {
  const { d, t } = useI18n();
  return {
    /** "3 Mar 2026, 14:05" */
    when: (ms: number | null) => (ms === null ? t('service.none') : d(new Date(ms), 'long')),
    /** A calendar date (YYYY-MM-DD) as "Tue 3 Mar", read as a UTC day so no zone shifts it. */
    day: (date: string) => dayFormat(t('service.localeTag')).format(Date.parse(`${date}T00:00:00Z`)),
    /** Minutes after midnight as "09:05". */
    clock: (minutes: number) => {
      const m = Math.round(minutes);
      return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    },
    km: (km: number) => t('service.km', { km: km.toFixed(1) }),
    hours: (h: number) => t('service.hoursShort', { h: Number.isInteger(h) ? h : h.toFixed(1) }),
  };
}

/** The Monday of the week holding `date` (YYYY-MM-DD), and dates n days on. */
export function mondayOf(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
  return at.toISOString().slice(0, 10);
}
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
