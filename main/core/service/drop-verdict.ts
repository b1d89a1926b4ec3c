import { wouldOverload } from './capacity';

/** What the board shows while a line hovers over a technician's day, before anything is dropped. */
export interface DropVerdict {
  qualified: boolean;
  missingSkills: string[];
  inZone: boolean;
  /** The day would hold more hours than the technician works. */
  overload: boolean;
}

export function dropVerdict(
  line: { hours: number; fits: readonly { technicianId: number; missingSkills: string[]; inZone: boolean }[] },
  technicianId: number,
  day: { capacity: number; allocated: number },
): DropVerdict {
  const fit = line.fits.find((f) => f.technicianId === technicianId);
  const missing = fit?.missingSkills ?? [];
  return { qualified: missing.length === 0, missingSkills: missing, inZone: fit?.inZone ?? false, overload: wouldOverload(day, line.hours) };
}
