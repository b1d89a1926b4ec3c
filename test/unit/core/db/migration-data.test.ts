import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';
import { migrations } from '../../../../main/core/db/migrations';
import { useTempDir } from '../../../fixtures/temp-dir';
import { databaseAt as databaseIn } from './migration-data/database-at';

const tempDir = useTempDir();
const databaseAt = (version: number) => databaseIn(tempDir(), version);

/** Rows written at version N-1, then the migration to N, then what each row became. */
describe('each migration keeps the data written before it', () => {
  it('80 network-links: a network gets no URL and no overrides, an outbox event is not refused, a parcel not recalled', () => {
    const db = databaseAt(70);
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{"retentionDays":7}', 1, 5);
      INSERT INTO outbox (network_id, idempotency_key, kind, payload_json, created_at) VALUES ('n1', 'k1', 'custody', '{}', 6);
    `);
    migrate(
      db,
      migrations.filter((m) => m.version <= 80),
    );
    expect(db.prepare('SELECT id, name, policy_json, base_url, policy_overrides_json FROM networks').all()).toEqual([
      { id: 'n1', name: 'Net', policy_json: '{"retentionDays":7}', base_url: null, policy_overrides_json: '{}' },
    ]);
    expect(db.prepare('SELECT idempotency_key, delivered_at, refused_at, refusal FROM outbox').all()).toEqual([
      { idempotency_key: 'k1', delivered_at: null, refused_at: null, refusal: null },
    ]);
    db.close();
  });

  it('90 support-message-kind: the magic bodies become kinds, written texts stay messages', () => {
    const db = databaseAt(80);
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 0);
      INSERT INTO support_cases (id, network_id, subject, product, request_type, impact, description, short_description, primary_email, state, created_at, updated_at)
        VALUES (1, 'n1', 'S', 'scanner', 'technical', 'blocked', 'D', 'd', 'a@b.c', 'closed', 1, 1);
      INSERT INTO support_messages (id, case_id, author, body, created_at) VALUES
        (1, 1, 'shop', 'It does not read', 1),
        (2, 1, 'operator', 'taken', 2),
        (3, 1, 'operator', 'Try cleaning the window', 3),
        (4, 1, 'operator', 'answered', 4),
        (5, 1, 'system', 'auto-closed', 5),
        (6, 1, 'system', 'closed-by-shop', 6),
        (7, 1, 'shop', 'closed', 7);
    `);
    migrate(db);
    expect(db.prepare('SELECT id, author, kind, body FROM support_messages ORDER BY id').all()).toEqual([
      { id: 1, author: 'shop', kind: 'message', body: 'It does not read' },
      { id: 2, author: 'operator', kind: 'taken', body: '' },
      { id: 3, author: 'operator', kind: 'message', body: 'Try cleaning the window' },
      { id: 4, author: 'operator', kind: 'message', body: '' },
      { id: 5, author: 'system', kind: 'auto-closed', body: '' },
      { id: 6, author: 'system', kind: 'closed-by-shop', body: '' },
      // The shop may write any word: its text stays a message.
      { id: 7, author: 'shop', kind: 'message', body: 'closed' },
    ]);
    expect(() =>
      db.prepare("INSERT INTO support_messages (case_id, author, kind, body, created_at) VALUES (1, 'system', 'bogus', '', 8)").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
