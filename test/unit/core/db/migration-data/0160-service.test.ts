import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, expectEmpty, migrateTo, refusedBy, versionBefore } from './database-at';

const tempDir = useTempDir();

const SERVICE_TABLES = [
  'service_customers',
  'service_item_groups',
  'service_items',
  'service_technicians',
  'service_technician_zones',
  'service_absences',
  'service_resource_groups',
  'service_resource_group_members',
  'service_orders',
  'service_order_lines',
  'service_allocations',
  'service_history',
];

describe('migration 160', () => {
  it('160 service: the counter data comes through untouched, the service tables start empty with their defaults and rules', () => {
    const db = databaseAt(tempDir(), versionBefore(160));
    db.exec(`
      INSERT INTO settings (key, value, updated_at) VALUES ('store.id', 'ST-1', 1), ('support.officeHours', '{"days":[1],"from":"08:00","to":"12:00"}', 2);
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 0);
      INSERT INTO staff (id, display_name, role, created_at) VALUES ('anna', 'Anna', 'clerk', 3);
      INSERT INTO parcels (id, network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES
        (1, 'n1', 'IT0000000001', 'Carla', 'small', x'0a', 'expected', 4, 4);
      INSERT INTO custody_events (parcel_id, from_state, to_state, at, actor_id, method, reason) VALUES (1, NULL, 'expected', 4, 'anna', 'system', 'announced');
      INSERT INTO support_cases (id, network_id, subject, product, request_type, impact, description, short_description, primary_email, state, created_at, updated_at)
        VALUES (1, 'n1', 'S', 'scanner', 'technical', 'blocked', 'D', 'd', 'a@b.c', 'open', 5, 5);
      INSERT INTO support_messages (case_id, author, body, created_at) VALUES (1, 'shop', 'D', 5);
      INSERT INTO opening_hours_week (weekday, position, opens, closes) VALUES (0, 0, '09:00', '13:00');
    `);
    const before = everyRow(db);

    migrateTo(db, 160);
    expect(everyRow(db, SERVICE_TABLES)).toEqual(before);
    expectEmpty(db, SERVICE_TABLES);

    db.exec(`
      INSERT INTO service_customers (id, name, created_at) VALUES (1, 'Rossi', 10);
      INSERT INTO service_item_groups (code, name, response_hours) VALUES ('boiler', 'Boilers', 8);
      INSERT INTO service_items (id, customer_id, description, serial, group_code, created_at) VALUES (1, 1, 'Boiler', 'SN1', 'boiler', 11);
      INSERT INTO service_technicians (id, name, week_json, created_at) VALUES (1, 'Marco', '[]', 12);
      INSERT INTO service_orders (id, customer_id, priority, fault, status, created_at, actor) VALUES (1, 1, 'high', 'No heat', 'pending', 13, 'anna');
      INSERT INTO service_order_lines (id, order_id, item_id, repair_status, estimated_hours) VALUES (1, 1, 1, 'initial', 2);
    `);
    expect(db.prepare('SELECT address, latitude, phone, zone FROM service_customers').get()).toEqual({
      address: '',
      latitude: null,
      phone: null,
      zone: null,
    });
    expect(db.prepare('SELECT skills_json, troubleshooting_json FROM service_item_groups').get()).toEqual({
      skills_json: '[]',
      troubleshooting_json: '[]',
    });
    // An item without its own lists inherits its group's.
    expect(db.prepare('SELECT model, skills_json, troubleshooting_json FROM service_items').get()).toEqual({
      model: '',
      skills_json: null,
      troubleshooting_json: null,
    });
    expect(db.prepare('SELECT windows_json, response_at, finished_at FROM service_orders').get()).toEqual({
      windows_json: '[]',
      response_at: null,
      finished_at: null,
    });

    const refused = refusedBy(db);
    refused("INSERT INTO service_customers (name, latitude, created_at) VALUES ('Far', 91, 14)", /CHECK/);
    refused("INSERT INTO service_customers (name, created_at) VALUES ('', 14)", /CHECK/);
    refused("INSERT INTO service_items (customer_id, description, serial, created_at) VALUES (1, 'Same', 'SN1', 14)", /UNIQUE/);
    refused("INSERT INTO service_items (customer_id, description, created_at) VALUES (99, 'Nobody''s', 14)", /FOREIGN KEY/);
    refused(
      "INSERT INTO service_orders (customer_id, priority, fault, status, created_at, actor) VALUES (1, 'urgent', 'x', 'pending', 14, 'anna')",
      /CHECK/,
    );
    refused(
      "INSERT INTO service_orders (customer_id, priority, fault, status, created_at, actor) VALUES (1, 'low', 'x', 'pending', 14, 'ghost')",
      /FOREIGN KEY/,
    );
    refused("INSERT INTO service_order_lines (order_id, item_id, repair_status, estimated_hours) VALUES (1, 1, 'initial', 0)", /CHECK/);
    refused("INSERT INTO service_allocations (line_id, state, created_at) VALUES (1, 'active', 15)", /CHECK/);

    db.exec("INSERT INTO service_allocations (line_id, technician_id, state, created_at) VALUES (1, 1, 'active', 15)");
    refused("INSERT INTO service_allocations (line_id, technician_id, state, created_at) VALUES (1, 1, 'nonactive', 16)", /UNIQUE/);
    db.exec("INSERT INTO service_allocations (line_id, state, created_at) VALUES (1, 'canceled', 16)");

    db.exec("INSERT INTO service_history (order_id, at, actor, kind) VALUES (1, 17, 'anna', 'created')");
    refused('UPDATE service_history SET at = 18', /append-only/);
    refused('DELETE FROM service_history', /append-only/);
    db.close();
  });
});
