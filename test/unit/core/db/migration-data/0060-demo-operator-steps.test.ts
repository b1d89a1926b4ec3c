import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, migrateTo, versionBefore } from './database-at';

const tempDir = useTempDir();

describe('migration 60', () => {
  it('60 demo-operator-steps: the demo operator keeps its scheduled tasks, ids and index, and may now transfer and reopen', () => {
    const db = databaseAt(tempDir(), versionBefore(60));
    db.exec(`
      INSERT INTO networks (id, name, adapter, policy_json, enabled, created_at) VALUES ('n1', 'Net', 'demo', '{}', 1, 2);
      INSERT INTO demo_operator_tasks (id, network_id, case_ref, action, due_at) VALUES (3, 'n1', 'CS-000001', 'take', 100), (7, 'n1', 'CS-000001', 'answer', 200), (9, 'n2', 'CS-000002', 'take', 50);
    `);
    const before = everyRow(db);

    migrateTo(db, 60);
    expect(everyRow(db)).toEqual(before);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'demo_operator_tasks'").pluck().all();
    expect(indexes).toEqual(['demo_operator_tasks_due']);
    const insert = db.prepare("INSERT INTO demo_operator_tasks (network_id, case_ref, action, due_at) VALUES ('n1', 'CS-000001', ?, 300)");
    insert.run('transfer');
    insert.run('reopen');
    expect(() => insert.run('close')).toThrow(/CHECK/);
    expect(db.prepare('SELECT max(id) FROM demo_operator_tasks').pluck().get()).toBe(11);
    db.close();
  });
});
