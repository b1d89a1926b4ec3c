/** A backup as the rotation sees it: when it was taken and why. */
export interface BackupEntry {
  name: string;
  at: number;
  kind: 'daily' | 'pre-migration' | 'manual';
}

export const ROTATION = { dailies: 7, weeklies: 4, preMigration: 2, manual: 3 } as const;

const DAY_MS = 24 * 3600_000;
const dayOf = (at: number) => Math.floor(at / DAY_MS);
/** Weeks counted from a Monday (1970-01-05), so a week is Monday to Sunday in UTC. */
const weekOf = (at: number) => Math.floor((at - 4 * DAY_MS) / (7 * DAY_MS));

/**
 * What to keep: of the daily backups, the newest of each of the 7 most
 * recent days with one, then the newest of each of the 4 most recent weeks
 * before those; the last 2 taken before a migration and the last 3 a
 * manager took. Everything else can go.
 */
export function backupsToKeep(entries: readonly BackupEntry[]): Set<string> {
  const newestFirst = [...entries].sort((a, b) => b.at - a.at);
  const keep = new Set<string>();
  const days = new Set<number>();
  const weeks = new Set<number>();
  for (const entry of newestFirst.filter((e) => e.kind === 'daily')) {
    if (days.size < ROTATION.dailies && !days.has(dayOf(entry.at))) {
      days.add(dayOf(entry.at));
      keep.add(entry.name);
    }
  }
  const oldestDaily = Math.min(...[...days]);
  for (const entry of newestFirst.filter((e) => e.kind === 'daily' && dayOf(e.at) < oldestDaily)) {
    if (weeks.size < ROTATION.weeklies && !weeks.has(weekOf(entry.at))) {
      weeks.add(weekOf(entry.at));
      keep.add(entry.name);
    }
  }
  newestFirst
    .filter((e) => e.kind === 'pre-migration')
    .slice(0, ROTATION.preMigration)
    .forEach((e) => keep.add(e.name));
  newestFirst
    .filter((e) => e.kind === 'manual')
    .slice(0, ROTATION.manual)
    .forEach((e) => keep.add(e.name));
  return keep;
}
