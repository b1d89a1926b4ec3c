import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, migrateTo, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 220', () => {
  it('220 service-customer-zones: a zone typed on a customer after the zone list came joins the list, once, named by its code; listed zones keep their names; an empty zone becomes none', () => {
    const db = databaseAt(tempDir(), versionBefore(220));
    db.exec(`
      INSERT INTO service_zones (code, name) VALUES ('NORD', 'North side');
      INSERT INTO service_customers (id, name, zone, created_at) VALUES
        (1, 'Rossi', 'NORD', 1), (2, 'Bianchi', 'lake', 2), (3, 'Verdi', NULL, 3), (4, 'Neri', '', 4), (5, 'Gialli', 'lake', 5), (6, 'Blu', 'Lake', 6);
      INSERT INTO service_technicians (id, name, skills_json, week_json, created_at) VALUES (1, 'Marco', '[]', '[]', 7);
      INSERT INTO service_technician_zones (technician_id, zone, starting_date) VALUES (1, 'NORD', '2026-01-01'), (1, 'hills', '2026-06-01');
    `);
    const before = everyRow(db);

    migrateTo(db, 220);
    const { service_zones: _z, service_customers: customersBefore, ...rest } = before;
    expect(everyRow(db, ['service_zones', 'service_customers'])).toEqual(rest);
    expect(db.prepare('SELECT * FROM service_customers ORDER BY id').all()).toEqual(
      (customersBefore as { zone: string | null }[]).map((c) => ({ ...c, zone: c.zone === '' ? null : c.zone })),
    );
    expect(db.prepare('SELECT code, name FROM service_zones ORDER BY code').all()).toEqual([
      { code: 'Lake', name: 'Lake' },
      { code: 'NORD', name: 'North side' },
      { code: 'hills', name: 'hills' },
      { code: 'lake', name: 'lake' },
    ]);
    db.close();
  });
});
