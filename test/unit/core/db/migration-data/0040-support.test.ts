import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, expectEmpty, migrateTo, refusedBy, versionBefore } from './database-at';

const tempDir = useTempDir();

const SUPPORT_TABLES = [
  'support_collaborators',
  'support_cases',
  'support_messages',
  'support_attachments',
  'support_callbacks',
  'demo_operator_tasks',
];

describe('migration 40', () => {
  it('40 support: the counter data comes through, the support tables start empty with their defaults and rules', () => {
    const db = databaseAt(tempDir(), versionBefore(40));
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 2);
      INSERT INTO scanner_devices (id, kind, config_json, created_at) VALUES ('s1', 'serial', '{"path":"/dev/ttyUSB0"}', 3);
      INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES ('n1', 'T1', 'Ada', 'small', x'01', 'expected', 4, 4);
    `);
    const before = everyRow(db);

    migrateTo(db, 40);
    expect(everyRow(db, SUPPORT_TABLES)).toEqual(before);
    expectEmpty(db, SUPPORT_TABLES);

    db.exec(`
      INSERT INTO support_collaborators (id, name, email, created_at) VALUES (1, 'Ada', 'Ada@Shop.it', 5);
      INSERT INTO support_cases (id, network_id, subject, collaborator_id, product, request_type, impact, description, short_description, primary_email, state, created_at, updated_at)
        VALUES (1, 'n1', 'S', 1, 'scanner', 'technical', 'blocked', 'D', 'd', 'ada@shop.it', 'open', 6, 6);
    `);
    expect(db.prepare('SELECT cc_json, sent_at, auto_close_at FROM support_cases').get()).toEqual({
      cc_json: '[]',
      sent_at: null,
      auto_close_at: null,
    });
    const refused = refusedBy(db);
    refused("INSERT INTO support_collaborators (name, email, created_at) VALUES ('Other', 'ada@shop.IT', 7)", /UNIQUE/);
    refused(
      "INSERT INTO support_cases (network_id, subject, product, request_type, impact, description, short_description, primary_email, state, created_at, updated_at) VALUES ('n1', 'S', 'p', 'legal', 'blocked', 'D', 'd', 'e', 'open', 7, 7)",
      /CHECK/,
    );
    refused(
      "INSERT INTO support_cases (network_id, subject, product, request_type, impact, description, short_description, primary_email, state, created_at, updated_at) VALUES ('n1', 'S', 'p', 'technical', 'blocked', 'D', 'd', 'e', 'lost', 7, 7)",
      /CHECK/,
    );
    refused("INSERT INTO support_messages (case_id, author, body, created_at) VALUES (1, 'robot', 'x', 7)", /CHECK/);
    refused("INSERT INTO demo_operator_tasks (network_id, case_ref, action, due_at) VALUES ('n1', 'CS-000001', 'transfer', 7)", /CHECK/);
    // A collaborator who leaves the list leaves their cases without an owner, not without a history.
    db.prepare('DELETE FROM support_collaborators WHERE id = 1').run();
    expect(db.prepare('SELECT collaborator_id, primary_email FROM support_cases').get()).toEqual({
      collaborator_id: null,
      primary_email: 'ada@shop.it',
    });
    db.close();
  });
});
