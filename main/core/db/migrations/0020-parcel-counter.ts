import type { Migration } from '../migration';

const states = "'expected','received','picked_up','refused','missing','expired','return_scanned','returned','damaged_refused'";

/**
 * The parcel counter: staff (a default counter user until accounts exist),
 * shelf slots, deliveries, parcels, the append-only custody log, expiry
 * notices and pickup attempts.
 */
export const parcelCounter: Migration = {
  version: 20,
  name: 'parcel-counter',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        id           TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role         TEXT NOT NULL CHECK (role IN ('clerk', 'manager')),
        created_at   INTEGER NOT NULL
      ) STRICT;
      INSERT INTO staff (id, display_name, role, created_at) VALUES ('counter', 'Counter', 'manager', 0);

      CREATE TABLE shelf_slots (
        id       TEXT PRIMARY KEY,
        size     TEXT NOT NULL CHECK (size IN ('small', 'medium', 'large')),
        capacity INTEGER NOT NULL CHECK (capacity > 0),
        position INTEGER NOT NULL,
        active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      CREATE TABLE deliveries (
        id                 INTEGER PRIMARY KEY,
        network_id         TEXT NOT NULL REFERENCES networks(id),
        handed_over_at     INTEGER NOT NULL,
        -- NULL when the driver scans the parcels: the store has no window to keep.
        intake_deadline_at INTEGER,
        postpones_used     INTEGER NOT NULL DEFAULT 0,
        completed_at       INTEGER,
        opened_by          TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX deliveries_open ON deliveries (completed_at, intake_deadline_at);

      CREATE TABLE expiry_notices (
        id               INTEGER PRIMARY KEY,
        network_id       TEXT NOT NULL REFERENCES networks(id),
        raised_at        INTEGER NOT NULL,
        scan_deadline_at INTEGER NOT NULL,
        completed_at     INTEGER
      ) STRICT;

      CREATE TABLE parcels (
        id               INTEGER PRIMARY KEY,
        network_id       TEXT NOT NULL REFERENCES networks(id),
        tracking_id      TEXT NOT NULL,
        recipient_name   TEXT NOT NULL,
        size             TEXT NOT NULL CHECK (size IN ('small', 'medium', 'large')),
        -- HMAC of the 6-digit pickup code with the store's pickup key: never the code itself.
        pickup_code_hash BLOB NOT NULL,
        state            TEXT NOT NULL CHECK (state IN (${states})),
        delivery_id      INTEGER REFERENCES deliveries(id),
        expiry_notice_id INTEGER REFERENCES expiry_notices(id),
        slot_id          TEXT REFERENCES shelf_slots(id),
        announced_at     INTEGER NOT NULL,
        received_at      INTEGER,
        expires_at       INTEGER,
        return_ready_at  INTEGER,
        state_changed_at INTEGER NOT NULL,
        UNIQUE (network_id, tracking_id)
      ) STRICT;
      CREATE INDEX parcels_pickup_code ON parcels (pickup_code_hash);
      CREATE INDEX parcels_state ON parcels (state, expires_at);
      CREATE INDEX parcels_tracking ON parcels (tracking_id);
      CREATE INDEX parcels_delivery ON parcels (delivery_id);
      CREATE INDEX parcels_slot ON parcels (slot_id, state);

      -- The shop's proof of where every parcel went. Rows are only ever added.
      CREATE TABLE custody_events (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        parcel_id   INTEGER NOT NULL REFERENCES parcels(id),
        from_state  TEXT CHECK (from_state IN (${states})),
        to_state    TEXT NOT NULL CHECK (to_state IN (${states})),
        at          INTEGER NOT NULL,
        actor_id    TEXT NOT NULL REFERENCES staff(id),
        method      TEXT NOT NULL CHECK (method IN ('scanner', 'keyboard', 'manual', 'system')),
        slot_id     TEXT,
        reason      TEXT,
        delivery_id INTEGER REFERENCES deliveries(id)
      ) STRICT;
      CREATE INDEX custody_events_parcel ON custody_events (parcel_id, id);
      CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
      CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;

      -- Keys the store derives hashes with (the pickup-code key). Never sent to the renderer.
      CREATE TABLE store_keys (
        name       TEXT PRIMARY KEY,
        secret     BLOB NOT NULL CHECK (length(secret) >= 32),
        created_at INTEGER NOT NULL
      ) STRICT;

      -- One customer at the counter: the parcels their code matched and which were scanned.
      CREATE TABLE pickups (
        id               INTEGER PRIMARY KEY,
        pickup_code_hash BLOB NOT NULL,
        started_at       INTEGER NOT NULL,
        completed_at     INTEGER,
        actor_id         TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE TABLE pickup_items (
        pickup_id  INTEGER NOT NULL REFERENCES pickups(id),
        parcel_id  INTEGER NOT NULL REFERENCES parcels(id),
        scanned_at INTEGER,
        method     TEXT CHECK (method IN ('scanner', 'keyboard', 'manual')),
        PRIMARY KEY (pickup_id, parcel_id)
      ) STRICT;

      CREATE TABLE pickup_attempts (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        at         INTEGER NOT NULL,
        counter_id TEXT NOT NULL,
        actor_id   TEXT NOT NULL REFERENCES staff(id),
        method     TEXT NOT NULL CHECK (method IN ('scanner', 'keyboard')),
        outcome    TEXT NOT NULL CHECK (outcome IN ('matched', 'wrong', 'throttled'))
      ) STRICT;
      CREATE INDEX pickup_attempts_recent ON pickup_attempts (counter_id, at);
      CREATE TRIGGER pickup_attempts_no_update BEFORE UPDATE ON pickup_attempts
        BEGIN SELECT RAISE(ABORT, 'pickup attempts are append-only'); END;
      CREATE TRIGGER pickup_attempts_no_delete BEFORE DELETE ON pickup_attempts
        BEGIN SELECT RAISE(ABORT, 'pickup attempts are append-only'); END;

      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        network_id      TEXT NOT NULL REFERENCES networks(id),
        idempotency_key TEXT NOT NULL UNIQUE,
        kind            TEXT NOT NULL,
        payload_json    TEXT NOT NULL,
        created_at      INTEGER NOT NULL,
        delivered_at    INTEGER
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (network_id, delivered_at, id);
    `);
  },
};
