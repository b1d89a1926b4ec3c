import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, migrateTo, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 100', () => {
  it('100 sealed-tokens: every saved token becomes a plain-sealed one with its bytes and date; networks without a token get none', () => {
    const db = databaseAt(tempDir(), versionBefore(100));
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at, base_url) VALUES
        ('n1', 'Uno', 'http', '{}', 1, 1, 'https://one.test'),
        ('n2', 'Due', 'http', '{}', 0, 2, 'https://two.test'),
        ('n3', 'Demo', 'demo', '{}', 1, 3, NULL);
      INSERT INTO network_secrets (network_id, secret, created_at) VALUES ('n1', randomblob(20), 4);
      INSERT INTO network_tokens (network_id, token, updated_at) VALUES ('n1', 'abc-123', 10), ('n2', 'tök€n ✓', 20);
    `);
    const before = everyRow(db, ['network_tokens']);
    migrateTo(db, 100);
    expect(db.prepare('SELECT network_id, cipher, sealed, updated_at FROM network_tokens ORDER BY network_id').all()).toEqual([
      { network_id: 'n1', cipher: 'plain', sealed: Buffer.from('abc-123', 'utf8'), updated_at: 10 },
      { network_id: 'n2', cipher: 'plain', sealed: Buffer.from('tök€n ✓', 'utf8'), updated_at: 20 },
    ]);
    expect(everyRow(db, ['network_tokens'])).toEqual(before);

    const seal = db.prepare('INSERT INTO network_tokens (network_id, cipher, sealed, updated_at) VALUES (?, ?, ?, 30)');
    expect(() => seal.run('n3', '', Buffer.from('x'))).toThrow(/CHECK/);
    expect(() => seal.run('n3', 'plain', Buffer.alloc(0))).toThrow(/CHECK/);
    expect(() => seal.run('n3', 'plain', 'text, not bytes')).toThrow(/cannot store TEXT value in BLOB column/);
    expect(() => seal.run('nowhere', 'plain', Buffer.from('x'))).toThrow(/FOREIGN KEY/);
    expect(() => seal.run('n1', 'plain', Buffer.from('x'))).toThrow(/UNIQUE|PRIMARY KEY/);
    db.close();
  });
});
