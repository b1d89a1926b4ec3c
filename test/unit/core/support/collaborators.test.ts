import { describe, expect, it } from 'vitest';
import { openTestCore } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();

describe("the shop's collaborator list", () => {
  it('keeps names and emails without the spaces typed around them, sorted by name', () => {
    const { core } = openTestCore(tempDir());
    core.support.addCollaborator('  Zoe Bianchi ', ' zoe@example.com  ');
    expect(core.support.addCollaborator('anna Neri', 'anna@example.com').map(({ name, email }) => ({ name, email }))).toEqual([
      { name: 'anna Neri', email: 'anna@example.com' },
      { name: 'Zoe Bianchi', email: 'zoe@example.com' },
    ]);
    core.close();
  });

  it('refuses an email already listed, even with spaces around it, on the email field, and adds nothing', () => {
    const { core } = openTestCore(tempDir());
    core.support.addCollaborator('Zoe Bianchi', 'zoe@example.com');
    expect(() => core.support.addCollaborator('Zoe B.', ' zoe@example.com ')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        reason: 'collaboratorExists',
        params: { email: ' zoe@example.com ' },
        issues: [{ field: 'email', reason: 'collaboratorExists', params: { email: ' zoe@example.com ' } }],
      }),
    );
    expect(core.support.collaborators()).toHaveLength(1);
    core.close();
  });

  it('removes one by its ID, and says not found for an ID it does not have', () => {
    const { core } = openTestCore(tempDir());
    const [zoe] = core.support.addCollaborator('Zoe Bianchi', 'zoe@example.com');
    core.support.addCollaborator('Anna Neri', 'anna@example.com');
    expect(core.support.removeCollaborator(zoe!.id).map((c) => c.name)).toEqual(['Anna Neri']);
    expect(() => core.support.removeCollaborator(zoe!.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(core.support.collaborators().map((c) => c.name)).toEqual(['Anna Neri']);
    core.close();
  });
});
