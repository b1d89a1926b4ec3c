import { fieldError } from '../errors';
import type { SettingsRepository } from '../settings';

export interface OfficeHours {
  /** ISO weekdays the operator works (1 = Monday … 7 = Sunday). */
  days: number[];
  /** "HH:MM", local time of the operator. */
  from: string;
  to: string;
}
export const DEFAULT_OFFICE_HOURS: OfficeHours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
const OFFICE_HOURS_KEY = 'support.officeHours';

/** When the network's operator works, as the ticket form shows it; kept in settings. */
export class OperatorOfficeHours {
  constructor(private readonly settings: SettingsRepository) {}

  get(): OfficeHours {
    const stored = this.settings.get(OFFICE_HOURS_KEY);
    return stored ? (JSON.parse(stored) as OfficeHours) : DEFAULT_OFFICE_HOURS;
  }

  set(hours: OfficeHours): OfficeHours {
    if (hours.from >= hours.to) throw fieldError('to', 'endsBeforeStart', 'Office hours must end after they start');
    const days = [...new Set(hours.days)].sort();
    this.settings.set(OFFICE_HOURS_KEY, JSON.stringify({ days, from: hours.from, to: hours.to }));
    return this.get();
  }
}
