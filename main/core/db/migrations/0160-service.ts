import type { Migration } from '../migration';

/**
 * The service desk: customers and their service items, item groups,
 * service orders with their lines, technicians with zones and absences,
 * resource groups, and allocations. History tables are append-only and
 * name the staff member who made each move.
 */
export const service: Migration = {
  version: 160,
  name: 'service',
  up(db) {
    db.exec(`
      CREATE TABLE service_customers (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL CHECK (length(name) > 0),
        address    TEXT NOT NULL DEFAULT '',
        latitude   REAL CHECK (latitude BETWEEN -90 AND 90),
        longitude  REAL CHECK (longitude BETWEEN -180 AND 180),
        phone      TEXT,
        email      TEXT,
        zone       TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX service_customers_name ON service_customers (name COLLATE NOCASE);

      CREATE TABLE service_item_groups (
        code                 TEXT PRIMARY KEY,
        name                 TEXT NOT NULL,
        skills_json          TEXT NOT NULL DEFAULT '[]',
        response_hours       REAL NOT NULL CHECK (response_hours > 0),
        troubleshooting_json TEXT NOT NULL DEFAULT '[]'
      ) STRICT;

      CREATE TABLE service_items (
        id                   INTEGER PRIMARY KEY,
        customer_id          INTEGER NOT NULL REFERENCES service_customers(id),
        description          TEXT NOT NULL CHECK (length(description) > 0),
        model                TEXT NOT NULL DEFAULT '',
        serial               TEXT,
        warranty_ends        TEXT,
        group_code           TEXT REFERENCES service_item_groups(code),
        -- NULL inherits the group's list; a list (even empty) is the item's own.
        skills_json          TEXT,
        troubleshooting_json TEXT,
        address              TEXT,
        latitude             REAL,
        longitude            REAL,
        created_at           INTEGER NOT NULL,
        UNIQUE (model, serial)
      ) STRICT;
      CREATE INDEX service_items_serial ON service_items (serial);

      CREATE TABLE service_technicians (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(name) > 0),
        skills_json TEXT NOT NULL DEFAULT '[]',
        latitude    REAL,
        longitude   REAL,
        -- Seven lists of {opens, closes}, Monday first.
        week_json   TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE service_technician_zones (
        technician_id INTEGER NOT NULL REFERENCES service_technicians(id),
        zone          TEXT NOT NULL,
        starting_date TEXT NOT NULL,
        PRIMARY KEY (technician_id, zone, starting_date)
      ) STRICT;

      CREATE TABLE service_absences (
        id            INTEGER PRIMARY KEY,
        technician_id INTEGER NOT NULL REFERENCES service_technicians(id),
        date          TEXT NOT NULL,
        hours         REAL CHECK (hours IS NULL OR hours > 0),
        reason        TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE service_resource_groups (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL
      ) STRICT;
      CREATE TABLE service_resource_group_members (
        group_code    TEXT NOT NULL REFERENCES service_resource_groups(code),
        technician_id INTEGER NOT NULL REFERENCES service_technicians(id),
        PRIMARY KEY (group_code, technician_id)
      ) STRICT;

      CREATE TABLE service_orders (
        id           INTEGER PRIMARY KEY,
        customer_id  INTEGER NOT NULL REFERENCES service_customers(id),
        priority     TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high')),
        fault        TEXT NOT NULL,
        -- Derived from the lines by the status table; kept here so lists can filter in SQL.
        status       TEXT NOT NULL CHECK (status IN ('pending', 'in_process', 'on_hold', 'finished')),
        windows_json TEXT NOT NULL DEFAULT '[]',
        response_at  INTEGER,
        created_at   INTEGER NOT NULL,
        finished_at  INTEGER,
        actor        TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX service_orders_status ON service_orders (status, response_at);

      CREATE TABLE service_order_lines (
        id              INTEGER PRIMARY KEY,
        order_id        INTEGER NOT NULL REFERENCES service_orders(id),
        item_id         INTEGER NOT NULL REFERENCES service_items(id),
        fault           TEXT NOT NULL DEFAULT '',
        repair_status   TEXT NOT NULL CHECK (repair_status IN ('initial', 'in_process', 'partly_serviced', 'referred', 'on_hold', 'finished')),
        estimated_hours REAL NOT NULL CHECK (estimated_hours > 0),
        response_at     INTEGER
      ) STRICT;
      CREATE INDEX service_order_lines_order ON service_order_lines (order_id);

      CREATE TABLE service_allocations (
        id            INTEGER PRIMARY KEY,
        line_id       INTEGER NOT NULL REFERENCES service_order_lines(id),
        technician_id INTEGER REFERENCES service_technicians(id),
        group_code    TEXT REFERENCES service_resource_groups(code),
        date          TEXT,
        hours         REAL,
        state         TEXT NOT NULL CHECK (state IN ('nonactive', 'active', 'finished', 'canceled', 'reallocation_needed')),
        reason        TEXT,
        created_at    INTEGER NOT NULL,
        -- Only an allocation that never had anyone (nonactive, or canceled from nonactive) lacks a resource.
        CHECK (state IN ('nonactive', 'canceled') OR technician_id IS NOT NULL OR group_code IS NOT NULL)
      ) STRICT;
      -- One allocation per line still counts at any time.
      CREATE UNIQUE INDEX service_allocations_current ON service_allocations (line_id) WHERE state IN ('nonactive', 'active', 'reallocation_needed');
      CREATE INDEX service_allocations_day ON service_allocations (date, technician_id) WHERE state = 'active';

      CREATE TABLE service_history (
        id            INTEGER PRIMARY KEY,
        order_id      INTEGER NOT NULL REFERENCES service_orders(id),
        line_id       INTEGER REFERENCES service_order_lines(id),
        allocation_id INTEGER REFERENCES service_allocations(id),
        at            INTEGER NOT NULL,
        actor         TEXT NOT NULL REFERENCES staff(id),
        kind          TEXT NOT NULL,
        from_state    TEXT,
        to_state      TEXT,
        detail        TEXT
      ) STRICT;
      CREATE INDEX service_history_order ON service_history (order_id, id);
      CREATE TRIGGER service_history_no_update BEFORE UPDATE ON service_history BEGIN SELECT RAISE(ABORT, 'service history is append-only'); END;
      CREATE TRIGGER service_history_no_delete BEFORE DELETE ON service_history BEGIN SELECT RAISE(ABORT, 'service history is append-only'); END;
    `);
  },
};
