import { wouldOverload } from './capacity-calc';

/** What the board shows while a line hovers over a technician's day, before anything is dropped. */
export interface DropVerdict {
  qualified: boolean;
  missingSkills: string[];
  inZone: boolean;
  /** The day would hold more hours than the technician works. */
  overload: boolean;
}

export function dropVerdict(
  line: { hours: number; unqualified: readonly { technicianId: number; missingSkills: string[] }[]; inZone: readonly number[] },
  technicianId: number,
  day: { capacity: number; allocated: number },
): DropVerdict {
  const missing = line.unqualified.find((f) => f.technicianId === technicianId)?.missingSkills ?? [];
  return {
    qualified: missing.length === 0,
    missingSkills: missing,
    inZone: line.inZone.includes(technicianId),
    overload: wouldOverload(day, line.hours),
  };
}
