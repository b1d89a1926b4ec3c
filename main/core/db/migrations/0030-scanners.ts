import type { Migration } from '../migration';

/** Scanners the shop added in settings (the keyboard wedge needs no row: it is always there). */
export const scanners: Migration = {
  version: 30,
  name: 'scanners',
  up(db) {
    db.exec(`
      CREATE TABLE scanner_devices (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('serial', 'hid')),
        config_json TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
