import type { Migration } from '../migration';

/**
 * Inventory and opening hours: an index for grouping and searching parcels
 * by customer name, the weekly hours (one row per open range) and the dated
 * exceptions (holidays, closures). An exception with no ranges is closed all day.
 */
export const inventoryHours: Migration = {
  version: 50,
  name: 'inventory-hours',
  up(db) {
    db.exec(`
      CREATE INDEX parcels_recipient ON parcels (state, recipient_name, tracking_id);

      CREATE TABLE opening_hours_week (
        weekday  INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6), -- 0 is Monday
        position INTEGER NOT NULL,
        opens    TEXT NOT NULL,
        closes   TEXT NOT NULL,
        PRIMARY KEY (weekday, position)
      ) STRICT;

      CREATE TABLE opening_hours_exceptions (
        date        TEXT PRIMARY KEY, -- YYYY-MM-DD in the store's time zone
        kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'closure')),
        note        TEXT NOT NULL DEFAULT '',
        ranges_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
