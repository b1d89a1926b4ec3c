/** One technician's fit for a line on its response date. */
export interface Candidate {
  technicianId: number;
  qualified: boolean;
  freeHours: number;
  inZone: boolean;
  /** From the previous visit that day (or the start location), km; null when coordinates are missing. */
  distanceKm: number | null;
}

/** Qualified first, then most free hours on the response date, then in the customer's zone, then nearest. */
export function rankCandidates<C extends Candidate>(candidates: readonly C[]): C[] {
  return [...candidates].sort(
    (a, b) =>
      Number(b.qualified) - Number(a.qualified) ||
      b.freeHours - a.freeHours ||
      Number(b.inZone) - Number(a.inZone) ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.technicianId - b.technicianId,
  );
}
