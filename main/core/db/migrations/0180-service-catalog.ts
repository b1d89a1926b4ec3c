import type { Migration } from '../migration';

/**
 * The service desk's lists of skills and service zones, which technicians,
 * item groups and items pick from. Seeded with every skill and zone already
 * in use, so what was saved before stays valid.
 */
export const serviceCatalog: Migration = {
  version: 180,
  name: 'service-catalog',
  up(db) {
    db.exec(`
      CREATE TABLE service_skills (
        code TEXT PRIMARY KEY CHECK (length(code) > 0),
        name TEXT NOT NULL CHECK (length(name) > 0)
      ) STRICT;
      CREATE TABLE service_zones (
        code TEXT PRIMARY KEY CHECK (length(code) > 0),
        name TEXT NOT NULL CHECK (length(name) > 0)
      ) STRICT;

      INSERT OR IGNORE INTO service_skills (code, name)
        SELECT DISTINCT value, value FROM (
          SELECT j.value FROM service_technicians, json_each(service_technicians.skills_json) AS j
          UNION SELECT j.value FROM service_item_groups, json_each(service_item_groups.skills_json) AS j
          UNION SELECT j.value FROM service_items, json_each(service_items.skills_json) AS j WHERE service_items.skills_json IS NOT NULL
        ) WHERE length(value) > 0;
      INSERT OR IGNORE INTO service_zones (code, name)
        SELECT DISTINCT zone, zone FROM (
          SELECT zone FROM service_technician_zones UNION SELECT zone FROM service_customers WHERE zone IS NOT NULL
        ) WHERE length(zone) > 0;
    `);
  },
};
