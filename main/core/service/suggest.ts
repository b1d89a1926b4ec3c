import type { Database } from 'better-sqlite3';
import type { ServiceAllocations } from './allocations';
import { capacityOn, freeHours } from './capacity-calc';
import { haversineKm, type Point } from './geo';
import type { ServiceItems } from './items';
import type { LineRow } from './orders';
import { inCustomerZone, missingSkills } from './qualification';
import { rankCandidates, type Candidate } from './suggestions';
import type { ServiceTechnicians } from './technicians';
import { visitPlace } from './visit-points';

export interface Suggestion extends Candidate {
  name: string;
  missingSkills: string[];
}

/** Technicians for a line on `date`, best first: qualified, free hours, zone, then distance from their previous visit that day. */
export function suggestTechnicians(
  db: Database,
  technicians: ServiceTechnicians,
  items: ServiceItems,
  allocations: ServiceAllocations,
  line: LineRow,
  customerZone: string | null,
  date: string,
  roadFactor: number,
): Suggestion[] {
  const required = items.get(line.itemId).skills;
  const target = visitPlace(db, line.id).point;
  return rankCandidates(
    technicians.list().map((t) => {
      const today = allocations.activeOn(t.id, date);
      const previous = today.length > 0 ? visitPlace(db, today.at(-1)!.lineId).point : null;
      const from: Point | null =
        previous ?? (t.latitude !== null && t.longitude !== null ? { latitude: t.latitude, longitude: t.longitude } : null);
      const missing = missingSkills(required, t.skills);
      return {
        technicianId: t.id,
        name: t.name,
        missingSkills: missing,
        qualified: missing.length === 0,
        freeHours: freeHours({ capacity: capacityOn(t.week, t.absences, date), allocated: today.reduce((s, a) => s + (a.hours ?? 0), 0) }),
        inZone: inCustomerZone(t.zones, customerZone, date),
        distanceKm: from && target ? haversineKm(from, target) * roadFactor : null,
      };
    }),
  );
}
