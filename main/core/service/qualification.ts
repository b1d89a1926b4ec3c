/** What a line's item asks of a technician: its own skills if it has any, else its group's. */
export interface SkillSource {
  itemSkills: readonly string[] | null;
  groupSkills: readonly string[] | null;
}

/** Skills and troubleshooting go from the group to the item unless the item has its own (null inherits, a list overrides). */
export function inherited<T>(own: readonly T[] | null, fromGroup: readonly T[] | null): readonly T[] {
  return own ?? fromGroup ?? [];
}

export function requiredSkills(source: SkillSource): readonly string[] {
  return inherited(source.itemSkills, source.groupSkills);
}

/** The required skills the technician does not have; empty means qualified. A technician needs every one. */
export function missingSkills(required: readonly string[], has: readonly string[]): string[] {
  const own = new Set(has.map((s) => s.toLowerCase()));
  return required.filter((skill) => !own.has(skill.toLowerCase()));
}

/** A technician's zone from a starting date on; the latest one started by `date` is current. */
export interface ZoneAssignment {
  zone: string;
  startingDate: string;
}

/** The zones a technician covers on `date`: each zone counts from its starting date. */
export function zonesOn(assignments: readonly ZoneAssignment[], date: string): Set<string> {
  return new Set(assignments.filter((a) => a.startingDate <= date).map((a) => a.zone));
}

/** Whether the customer's zone is one the technician covers on that day (no zone on the customer: never "in zone"). */
export function inCustomerZone(assignments: readonly ZoneAssignment[], customerZone: string | null, date: string): boolean {
  return customerZone !== null && zonesOn(assignments, date).has(customerZone);
}
