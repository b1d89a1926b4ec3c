import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, migrateTo, refusedBy, versionBefore } from './database-at';

const tempDir = useTempDir();

/** Each table the migration names a writer in, and the column it adds (NULL for the rows the built-in counter user wrote). */
const WRITER_COLUMNS: Record<string, string> = {
  settings: 'updated_by',
  networks: 'updated_by',
  network_tokens: 'updated_by',
  outbox: 'actor_id',
  support_cases: 'opened_by',
  support_messages: 'actor_id',
  support_callbacks: 'actor_id',
};

function rowsOf(db: BetterSqlite3.Database, table: string): Record<string, unknown>[] {
  return db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];
}

describe('migration 130', () => {
  it('130 staff-accounts: staff come through active with no PIN and no failed PINs, earlier writes name no one, and the new columns keep their rules', () => {
    const db = databaseAt(tempDir(), versionBefore(130));
    db.exec(`
      INSERT INTO staff (id, display_name, role, created_at) VALUES ('anna', 'Anna', 'clerk', 1), ('marco', 'Marco', 'manager', 2);
      INSERT INTO settings (key, value, updated_at) VALUES ('store.id', 'ST-1', 3);
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 4), ('n2', 'Two', 'demo', '{}', 0, 5);
      INSERT INTO network_tokens (network_id, cipher, sealed, updated_at) VALUES ('n1', 'plain', x'746f6b', 6);
      INSERT INTO outbox (network_id, idempotency_key, kind, payload_json, created_at, delivered_at) VALUES ('n1', 'k1', 'pickup', '{}', 7, NULL), ('n2', 'k2', 'intake', '{}', 8, 9);
      INSERT INTO support_cases (id, network_id, subject, product, request_type, impact, description, short_description, primary_email, state, created_at, updated_at)
        VALUES (1, 'n1', 'S', 'scanner', 'technical', 'blocked', 'D', 'd', 'a@b.c', 'open', 10, 10);
      INSERT INTO support_messages (case_id, author, body, created_at) VALUES (1, 'shop', 'D', 10), (1, 'operator', 'Ok', 11);
      INSERT INTO support_callbacks (network_id, phone, created_at) VALUES ('n1', '+39 02 1234', 12);
      INSERT INTO parcels (id, network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at) VALUES
        (1, 'n1', 'T1', 'Carla', 'small', x'0a', 'expected', 13, 13);
      INSERT INTO custody_events (parcel_id, from_state, to_state, at, actor_id, method, reason) VALUES (1, NULL, 'expected', 13, 'anna', 'system', 'announced');
    `);
    const staffBefore = rowsOf(db, 'staff');
    const writtenBefore = Object.fromEntries(Object.keys(WRITER_COLUMNS).map((table) => [table, rowsOf(db, table)]));
    const changed = ['staff', ...Object.keys(WRITER_COLUMNS)];
    const before = everyRow(db, changed);

    migrateTo(db, 130);
    expect(rowsOf(db, 'staff')).toEqual(
      staffBefore.map((s) => ({
        ...s,
        pin_hash: null,
        active: 1,
        failed_pins: 0,
        last_failed_at: null,
        updated_at: null,
        updated_by: null,
      })),
    );
    for (const [table, column] of Object.entries(WRITER_COLUMNS)) {
      expect(rowsOf(db, table), table).toEqual(writtenBefore[table]!.map((row) => ({ ...row, [column]: null })));
    }
    expect(everyRow(db, changed)).toEqual(before);

    const refused = refusedBy(db);
    refused("UPDATE staff SET active = 2 WHERE id = 'anna'", /CHECK/);
    refused("UPDATE staff SET updated_by = 'ghost' WHERE id = 'anna'", /FOREIGN KEY/);
    refused("UPDATE settings SET updated_by = 'ghost'", /FOREIGN KEY/);
    refused("UPDATE networks SET updated_by = 'ghost'", /FOREIGN KEY/);
    refused("UPDATE network_tokens SET updated_by = 'ghost'", /FOREIGN KEY/);
    refused(
      "INSERT INTO outbox (network_id, idempotency_key, kind, payload_json, created_at, actor_id) VALUES ('n1', 'k3', 'pickup', '{}', 14, 'ghost')",
      /FOREIGN KEY/,
    );
    refused("UPDATE support_cases SET opened_by = 'ghost'", /FOREIGN KEY/);
    refused(
      "INSERT INTO support_messages (case_id, author, body, created_at, actor_id) VALUES (1, 'shop', 'Hi', 14, 'ghost')",
      /FOREIGN KEY/,
    );
    refused("INSERT INTO support_callbacks (network_id, phone, created_at, actor_id) VALUES ('n1', '1', 14, 'ghost')", /FOREIGN KEY/);

    // A person's writes name them; deactivating keeps the row the logs refer to.
    db.exec(`
      UPDATE staff SET active = 0, updated_at = 15, updated_by = 'marco' WHERE id = 'anna';
      UPDATE settings SET value = 'ST-2', updated_at = 15, updated_by = 'marco';
      INSERT INTO support_messages (case_id, author, body, created_at, actor_id) VALUES (1, 'shop', 'Thanks', 16, 'anna');
    `);
    refused("DELETE FROM staff WHERE id = 'anna'", /FOREIGN KEY/);
    db.close();
  });
});
