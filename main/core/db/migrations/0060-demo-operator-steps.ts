import type { Migration } from '../migration';

/**
 * The demo operator also transfers cases and reopens ones the shop closed
 * before it answered, so every case state can be seen in training. SQLite
 * cannot widen a CHECK in place: the (demo-only) table is rebuilt, rows kept.
 */
export const demoOperatorSteps: Migration = {
  version: 60,
  name: 'demo-operator-steps',
  up(db) {
    db.exec(`
      CREATE TABLE demo_operator_tasks_next (
        id         INTEGER PRIMARY KEY,
        network_id TEXT NOT NULL,
        case_ref   TEXT NOT NULL,
        action     TEXT NOT NULL CHECK (action IN ('take', 'transfer', 'answer', 'reopen')),
        due_at     INTEGER NOT NULL
      ) STRICT;
      INSERT INTO demo_operator_tasks_next (id, network_id, case_ref, action, due_at)
        SELECT id, network_id, case_ref, action, due_at FROM demo_operator_tasks;
      DROP TABLE demo_operator_tasks;
      ALTER TABLE demo_operator_tasks_next RENAME TO demo_operator_tasks;
      CREATE INDEX demo_operator_tasks_due ON demo_operator_tasks (network_id, due_at);
    `);
  },
};
