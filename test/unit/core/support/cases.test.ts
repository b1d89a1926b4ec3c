import { describe, expect, it } from 'vitest';
import { openTestCore } from '../../../fixtures/core';
import { refusal } from '../../../fixtures/refusal';
import { supportTicket as ticket } from '../../../fixtures/support-ticket';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();

function shop() {
  const { core } = openTestCore(tempDir());
  const caseCount = () => core.support.list({ filter: { includeOld: true } }).total;
  return { core, caseCount };
}

describe('opening a case', () => {
  it('with a collaborator list, refuses a ticket without a person from it, on the person field, and opens nothing', () => {
    const { core, caseCount } = shop();
    core.support.addCollaborator('Anna', 'anna@example.com');
    for (const collaboratorId of [undefined, 999]) {
      const error = refusal(() => core.support.open(ticket({ collaboratorId })));
      expect(error).toMatchObject({ code: 'BAD_INPUT', issues: [{ field: 'collaboratorId', reason: 'choosePerson' }] });
      expect(error.message).toBe('Choose the person who asks from the collaborator list');
    }
    expect(caseCount()).toBe(0);
    core.close();
  });

  it('without a collaborator list, refuses a person chosen from one, on the person field, and opens nothing', () => {
    const { core, caseCount } = shop();
    const error = refusal(() => core.support.open(ticket({ collaboratorId: 1 })));
    expect(error).toMatchObject({ code: 'BAD_INPUT', issues: [{ field: 'collaboratorId', reason: 'noCollaboratorList' }] });
    expect(error.message).toBe('There is no collaborator list: give your name and email');
    expect(caseCount()).toBe(0);
    core.close();
  });

  it('without a collaborator list, asks only for the email when the name was given, and says why in the log', () => {
    const { core, caseCount } = shop();
    const error = refusal(() => core.support.open(ticket({ email: undefined, name: 'Mario Rossi', description: 'Scanner rotto' })));
    expect(error).toMatchObject({ code: 'BAD_INPUT', issues: [{ field: 'email', reason: 'required' }] });
    expect(error.message).toBe('Give your name and email: the operator answers to that email');
    expect(caseCount()).toBe(0);
    core.close();
  });

  it('refuses a follow-up of a case that is not closed, naming that case for the screen, and opens nothing', () => {
    const { core, caseCount } = shop();
    const first = core.support.open(ticket());
    const error = refusal(() => core.support.open(ticket({ followUpOf: first.id })));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'caseNotClosed', params: { number: 'CS-000001' } });
    expect(caseCount()).toBe(1);
    core.close();
  });
});

describe('editing a case', () => {
  it('refuses to edit a closed case, naming it for the screen, and changes nothing', () => {
    const { core } = shop();
    const closed = core.support.close(core.support.open(ticket()).id);
    const error = refusal(() =>
      core.support.edit(closed.id, { primaryEmail: 'capo@example.com', cc: ['anna@example.com'], shortDescription: 'Nuovo oggetto' }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'caseClosed', params: { number: 'CS-000001' } });
    expect(error.message).toBe('Case CS-000001 is closed and cannot be edited: open a follow-up instead');
    expect(core.support.get(closed.id)).toEqual(closed);
    core.close();
  });

  it('makes the collaborator whose email becomes the primary one the owner of the case', () => {
    const { core } = shop();
    const opened = core.support.open(ticket());
    core.support.addCollaborator('Anna', 'anna@example.com');
    const [anna] = core.support.collaborators();
    const edited = core.support.edit(opened.id, { primaryEmail: 'anna@example.com', cc: [], shortDescription: 'Scanner' });
    expect(edited).toMatchObject({ primaryEmail: 'anna@example.com', collaboratorId: anna!.id });
    core.close();
  });

  it('keeps each CC address once, without the spaces typed around it, and leaves out blanks and the primary email', () => {
    const { core } = shop();
    const opened = core.support.open(ticket());
    const edited = core.support.edit(opened.id, {
      primaryEmail: 'capo@example.com',
      cc: [' anna@example.com ', 'anna@example.com', '  ', 'CAPO@example.com', 'bruno@example.com\t'],
      shortDescription: 'Scanner',
    });
    expect(edited.cc).toEqual(['anna@example.com', 'bruno@example.com']);
    core.close();
  });
});
