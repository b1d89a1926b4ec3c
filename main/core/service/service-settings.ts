import { z } from 'zod';
import type { SettingsRepository } from '../settings';
import { serviceCalendarSchema, WORKING_DAYS_CALENDAR, type ServiceCalendar } from './service-calendar';

export const routeSettingsSchema = z.strictObject({
  /** Road distance over straight-line distance. */
  roadFactor: z.number().min(1).max(3),
  speedKmh: z.number().min(5).max(130),
});
export type RouteSettings = z.infer<typeof routeSettingsSchema>;

const CALENDAR_KEY = 'service.calendar';
const ROUTE_KEY = 'service.route';
const DEFAULT_ROUTE: RouteSettings = { roadFactor: 1.3, speedKmh: 40 };
/** A free-text item without a group gets this response time. */
export const DEFAULT_RESPONSE_HOURS = 24;

/** The service calendar (null until the shop sets one) and the travel assumptions of the visit planner. */
export class ServiceSettings {
  constructor(private readonly settings: SettingsRepository) {}

  calendar(): ServiceCalendar | null {
    const raw = this.settings.get(CALENDAR_KEY);
    return raw ? serviceCalendarSchema.parse(JSON.parse(raw)) : null;
  }

  /** The calendar response times count in: the shop's, or 24 hours a day Monday to Friday. */
  effectiveCalendar(): ServiceCalendar {
    return this.calendar() ?? WORKING_DAYS_CALENDAR;
  }

  saveCalendar(calendar: ServiceCalendar | null): void {
    this.settings.set(CALENDAR_KEY, calendar ? JSON.stringify(calendar) : '');
  }

  route(): RouteSettings {
    const raw = this.settings.get(ROUTE_KEY);
    return raw ? routeSettingsSchema.parse(JSON.parse(raw)) : DEFAULT_ROUTE;
  }

  saveRoute(route: RouteSettings): RouteSettings {
    this.settings.set(ROUTE_KEY, JSON.stringify(route));
    return route;
  }
}
