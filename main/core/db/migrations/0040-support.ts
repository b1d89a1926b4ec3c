import type { Migration } from '../migration';

/**
 * Help and support (docs/rules.md, Support): the shop's collaborators, support cases
 * with their correspondence and attachments, call-back requests, and the demo
 * operator's schedule. Everything the shop writes is stored first and sent
 * later (`sent_at` stays NULL until the network accepted it).
 */
export const support: Migration = {
  version: 40,
  name: 'support',
  up(db) {
    db.exec(`
      CREATE TABLE support_collaborators (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        email      TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE support_cases (
        id                INTEGER PRIMARY KEY,
        network_id        TEXT NOT NULL REFERENCES networks(id),
        subject           TEXT NOT NULL,
        collaborator_id   INTEGER REFERENCES support_collaborators(id) ON DELETE SET NULL,
        product           TEXT NOT NULL,
        request_type      TEXT NOT NULL CHECK (request_type IN ('technical', 'commercial', 'administrative')),
        impact            TEXT NOT NULL CHECK (impact IN ('blocked', 'degraded')),
        description       TEXT NOT NULL,
        short_description TEXT NOT NULL,
        primary_email     TEXT NOT NULL,
        cc_json           TEXT NOT NULL DEFAULT '[]',
        state             TEXT NOT NULL CHECK (state IN ('open', 'in_progress', 'answered', 'awaiting_operator', 'transferred', 'reopened', 'closed')),
        follow_up_of      INTEGER REFERENCES support_cases(id),
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        answered_at       INTEGER,
        auto_close_at     INTEGER,
        closed_at         INTEGER,
        sent_at           INTEGER
      ) STRICT;
      CREATE INDEX support_cases_auto_close ON support_cases (auto_close_at) WHERE state = 'answered';
      CREATE INDEX support_cases_unsent ON support_cases (network_id) WHERE sent_at IS NULL;

      CREATE TABLE support_messages (
        id         INTEGER PRIMARY KEY,
        case_id    INTEGER NOT NULL REFERENCES support_cases(id),
        author     TEXT NOT NULL CHECK (author IN ('shop', 'operator', 'system')),
        body       TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        sent_at    INTEGER,
        remote_id  TEXT UNIQUE
      ) STRICT;
      CREATE INDEX support_messages_case ON support_messages (case_id, id);

      CREATE TABLE support_attachments (
        id          INTEGER PRIMARY KEY,
        message_id  INTEGER NOT NULL REFERENCES support_messages(id),
        file_name   TEXT NOT NULL,
        mime_type   TEXT NOT NULL,
        size_bytes  INTEGER NOT NULL,
        stored_name TEXT NOT NULL UNIQUE,
        created_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE support_callbacks (
        id         INTEGER PRIMARY KEY,
        network_id TEXT NOT NULL REFERENCES networks(id),
        phone      TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        sent_at    INTEGER
      ) STRICT;

      -- The demo network's operator: what it will do to which case, and when.
      CREATE TABLE demo_operator_tasks (
        id         INTEGER PRIMARY KEY,
        network_id TEXT NOT NULL,
        case_ref   TEXT NOT NULL,
        action     TEXT NOT NULL CHECK (action IN ('take', 'answer')),
        due_at     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX demo_operator_tasks_due ON demo_operator_tasks (network_id, due_at);
    `);
  },
};
