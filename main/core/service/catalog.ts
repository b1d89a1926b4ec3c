import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import { CoreError, fieldError } from '../errors';
import type { CatalogEntry, CatalogKind } from './service-shapes';

const TABLE: Record<CatalogKind, string> = { skill: 'service_skills', zone: 'service_zones' };

/** Where each kind is in use: a listed entry something still names cannot be removed. */
const USES: Record<CatalogKind, string> = {
  skill: `SELECT 1 FROM service_technicians, json_each(skills_json) WHERE json_each.value = @code
          UNION ALL SELECT 1 FROM service_item_groups, json_each(skills_json) WHERE json_each.value = @code
          UNION ALL SELECT 1 FROM service_items, json_each(service_items.skills_json) WHERE service_items.skills_json IS NOT NULL AND json_each.value = @code
          LIMIT 1`,
  zone: `SELECT 1 FROM service_technician_zones WHERE zone = @code UNION ALL SELECT 1 FROM service_customers WHERE zone = @code LIMIT 1`,
};

/** The skills and service zones the desk knows: technicians, item groups and items pick from these lists. */
export class ServiceCatalog {
  constructor(private readonly db: Database) {}

  list(kind: CatalogKind): CatalogEntry[] {
    return sql<[], CatalogEntry>(this.db, `SELECT code, name FROM ${TABLE[kind]} ORDER BY name COLLATE NOCASE, code`).all();
  }

  /** Adds an entry or renames it; the code is what the rest of the desk stores. */
  save(kind: CatalogKind, entry: CatalogEntry): CatalogEntry {
    sql(this.db, `INSERT INTO ${TABLE[kind]} (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name`).run(
      entry.code,
      entry.name,
    );
    return entry;
  }

  remove(kind: CatalogKind, code: string): void {
    if (sql<{ code: string }>(this.db, USES[kind]).get({ code }))
      throw fieldError('code', 'inUse', `${kind} ${code} is still in use`, { code });
    if (sql(this.db, `DELETE FROM ${TABLE[kind]} WHERE code = ?`).run(code).changes === 0)
      throw new CoreError('NOT_FOUND', `No ${kind} ${code}`);
  }

  /** Refuses a single code the list does not hold, on `field`. */
  assertKnownOn(kind: CatalogKind, code: string, field: string): void {
    if (sql<[string]>(this.db, `SELECT 1 FROM ${TABLE[kind]} WHERE code = ?`).get(code)) return;
    throw fieldError(field, kind === 'skill' ? 'unknownSkill' : 'unknownZone', `Unknown ${kind}: ${code}`, { code });
  }

  /**
   * Refuses codes the list does not hold, each on its own field
   * (`<prefix>.<i>` or `<prefix>.<i>.<suffix>`), so a form marks the very entry.
   */
  assertKnown(kind: CatalogKind, codes: readonly string[], prefix: string, suffix = ''): void {
    const known = new Set(this.list(kind).map((e) => e.code));
    const reason = kind === 'skill' ? 'unknownSkill' : 'unknownZone';
    const issues = codes.flatMap((code, i) =>
      known.has(code) ? [] : [{ field: `${prefix}.${i}${suffix}`, reason, params: { code } } as const],
    );
    if (issues.length > 0)
      throw new CoreError('BAD_INPUT', `Unknown ${kind}: ${codes.filter((c) => !known.has(c)).join(', ')}`, { issues });
  }
}
