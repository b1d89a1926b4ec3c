import type { SettingsRepository } from '../settings';
import { routeSettingsSchema, serviceCalendarSchema, type RouteSettings, type ServiceCalendar } from './service-shapes';
import { WORKING_DAYS_CALENDAR } from './service-calendar';

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
