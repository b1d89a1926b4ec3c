import type { Database } from 'better-sqlite3';
import type { ServiceAllocations } from './allocations';
import type { Point } from './geo';
import type { ServiceTechnicians } from './technicians';
import type { RouteSettings } from './service-shapes';
import { planVisitOrder, routeInOrder, type PlannedRoute, type VisitDay } from './visit-order';
import { visitPlace, type VisitPlace } from './visit-points';
import { minutesOf, weekdayOf } from '../zoned-time-calc';

/** Working hours when the technician's template has none that day. */
const DEFAULT_DAY = { start: 8 * 60, end: 18 * 60 };

export interface DayStop extends VisitPlace {
  allocationId: number;
  hours: number;
  legKm: number;
  arrival: number;
  startsAt: number;
  lateMinutes: number;
}

export interface TechnicianDay {
  technicianId: number;
  name: string;
  date: string;
  start: Point | null;
  dayStart: number;
  dayEnd: number;
  /** In the planned order. */
  stops: DayStop[];
  plannedKm: number;
  /** The same visits in the order they were allocated. */
  allocatedKm: number;
  savingKm: number;
  backAt: number;
  lateMinutes: number;
  /** Visits without coordinates cannot be placed on the route; staff see them apart. */
  unplaced: (VisitPlace & { allocationId: number; hours: number })[];
}

/** A technician's visits on a day in the order that cuts travel, against the order they were allocated in. */
export function technicianDay(
  db: Database,
  technicians: ServiceTechnicians,
  allocations: ServiceAllocations,
  route: RouteSettings,
  technicianId: number,
  date: string,
): TechnicianDay {
  const technician = technicians.get(technicianId);
  const ranges = technician.week[weekdayOf(date)]!;
  const dayStart = ranges.length > 0 ? Math.min(...ranges.map((r) => minutesOf(r.opens))) : DEFAULT_DAY.start;
  const dayEnd = ranges.length > 0 ? Math.max(...ranges.map((r) => minutesOf(r.closes))) : DEFAULT_DAY.end;
  const visits = allocations
    .activeOn(technicianId, date)
    .map((a) => ({ ...visitPlace(db, a.lineId), allocationId: a.id, hours: a.hours ?? 0 }));
  const start =
    technician.latitude !== null && technician.longitude !== null
      ? { latitude: technician.latitude, longitude: technician.longitude }
      : null;
  const placed = start ? visits.filter((v) => v.point !== null) : [];
  const unplaced = visits.filter((v) => !placed.includes(v));
  const day: VisitDay = {
    start: start ?? { latitude: 0, longitude: 0 },
    visits: placed.map((v, i) => ({
      id: i,
      point: v.point!,
      minutes: v.hours * 60,
      windows: v.windows.map((w) => ({ from: minutesOf(w.from), to: minutesOf(w.to) })),
    })),
    dayStart,
    dayEnd,
    roadFactor: route.roadFactor,
    speedKmh: route.speedKmh,
  };
  const planned: PlannedRoute = planVisitOrder(day);
  const asAllocated = routeInOrder(day);
  return {
    technicianId,
    name: technician.name,
    date,
    start,
    dayStart,
    dayEnd,
    stops: planned.stops.map((s) => ({
      ...placed[s.id]!,
      legKm: s.legKm,
      arrival: s.arrival,
      startsAt: s.startsAt,
      lateMinutes: s.lateMinutes,
    })),
    plannedKm: planned.totalKm,
    allocatedKm: asAllocated.totalKm,
    savingKm: Math.max(0, asAllocated.totalKm - planned.totalKm),
    backAt: planned.backAt,
    lateMinutes: planned.lateMinutes,
    unplaced,
  };
}
