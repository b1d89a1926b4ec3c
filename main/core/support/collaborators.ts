import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { CoreError } from '../errors';

export interface Collaborator {
  id: number;
  name: string;
  email: string;
}

/** The shop's people a support case can be opened for, kept in settings. */
export class Collaborators {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  list(): Collaborator[] {
    return sql<[], Collaborator>(this.db, 'SELECT id, name, email FROM support_collaborators ORDER BY name COLLATE NOCASE, id').all();
  }

  idByEmail(email: string): number | undefined {
    return sql<[string], { id: number }>(this.db, 'SELECT id FROM support_collaborators WHERE email = ?').get(email)?.id;
  }

  add(name: string, email: string): Collaborator[] {
    if (this.idByEmail(email.trim()) !== undefined)
      throw new CoreError('CONFLICT', `${email} is already in the collaborator list`, {
        reason: 'collaboratorExists',
        params: { email },
        issues: [{ field: 'email', reason: 'collaboratorExists', params: { email } }],
      });
    sql(this.db, 'INSERT INTO support_collaborators (name, email, created_at) VALUES (?, ?, ?)').run(
      name.trim(),
      email.trim(),
      this.clock.now(),
    );
    return this.list();
  }

  remove(id: number): Collaborator[] {
    const result = sql(this.db, 'DELETE FROM support_collaborators WHERE id = ?').run(id);
    if (result.changes === 0) throw new CoreError('NOT_FOUND', `No collaborator ${id}`);
    return this.list();
  }
}
