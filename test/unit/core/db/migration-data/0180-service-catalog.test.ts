import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, migrateTo, refusedBy, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 180', () => {
  it('180 service-catalog: the lists of skills and zones start with every one already in use, once each, and what was saved before comes through unchanged', () => {
    const db = databaseAt(tempDir(), versionBefore(180));
    db.exec(`
      INSERT INTO service_customers (id, name, zone, created_at) VALUES
        (1, 'Rossi', 'north', 1), (2, 'Bianchi', 'lake', 2), (3, 'Verdi', NULL, 3), (4, 'Neri', '', 4), (5, 'Gialli', 'north', 5);
      INSERT INTO service_item_groups (code, name, skills_json, response_hours) VALUES
        ('boiler', 'Boilers', '["gas","plumbing"]', 8), ('fridge', 'Fridges', '[]', 24), ('oven', 'Ovens', '["electric",""]', 12);
      INSERT INTO service_items (id, customer_id, description, group_code, skills_json, created_at) VALUES
        (1, 1, 'Boiler', 'boiler', NULL, 6), (2, 2, 'Fridge', 'fridge', '["refrigerant","gas"]', 7), (3, 3, 'Oven', 'oven', '[]', 8);
      INSERT INTO service_technicians (id, name, skills_json, week_json, created_at) VALUES
        (1, 'Marco', '["gas","welding"]', '[]', 9), (2, 'Luca', '[]', '[]', 10), (3, 'Sara', '["","electric"]', '[]', 11);
      INSERT INTO service_technician_zones (technician_id, zone, starting_date) VALUES
        (1, 'north', '2026-01-01'), (1, 'hills', '2026-06-01'), (2, '', '2026-01-01'), (3, 'hills', '2026-01-01');
    `);
    const before = everyRow(db);

    migrateTo(db, 180);
    expect(everyRow(db, ['service_skills', 'service_zones'])).toEqual(before);
    // Each seeded entry is named by its code until someone renames it; empty strings and NULL zones seed nothing.
    expect(db.prepare('SELECT code, name FROM service_skills ORDER BY code').all()).toEqual(
      ['electric', 'gas', 'plumbing', 'refrigerant', 'welding'].map((code) => ({ code, name: code })),
    );
    expect(db.prepare('SELECT code, name FROM service_zones ORDER BY code').all()).toEqual(
      ['hills', 'lake', 'north'].map((code) => ({ code, name: code })),
    );

    const refused = refusedBy(db);
    refused("INSERT INTO service_skills (code, name) VALUES ('', 'Nothing')", /CHECK/);
    refused("INSERT INTO service_skills (code, name) VALUES ('tiling', '')", /CHECK/);
    refused("INSERT INTO service_skills (code, name) VALUES ('gas', 'Gas again')", /UNIQUE/);
    refused("INSERT INTO service_zones (code, name) VALUES ('', 'Nowhere')", /CHECK/);
    refused("INSERT INTO service_zones (code, name) VALUES ('south', '')", /CHECK/);
    refused("INSERT INTO service_zones (code, name) VALUES ('north', 'North again')", /UNIQUE/);
    db.close();
  });
});
