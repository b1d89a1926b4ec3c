import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { actAs } from '../../../../main/core/staff/acting-staff';
import { openTestCore, TEST_START } from '../../../fixtures/core';
import { refusal } from '../../../fixtures/refusal';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();

function disable(core: CounterCore, id: string): void {
  const n = core.networks.get(id);
  core.networks.update(id, { name: n.name, baseUrl: n.baseUrl, policyOverrides: n.policyOverrides, enabled: false });
}

const storedCount = (core: CounterCore) => core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM support_callbacks').get()!.n;

describe('"Contact support": a call-back request', () => {
  it('is stored with the number in international form, for the first enabled network, at the clock time, by the person signed in', async () => {
    const { core, clock } = openTestCore(tempDir());
    const anna = await core.staff.add('Anna', 'clerk', '1357');
    clock.advance(60_000);
    const request = actAs(anna.id, () => core.support.requestCallback('02 1234 5678', 'IT'));
    expect(request).toEqual({ id: 1, networkId: 'demo-it', phone: '+390212345678', createdAt: TEST_START + 60_000, sentAt: null });
    expect(core.db.prepare('SELECT network_id, phone, created_at, actor_id, sent_at FROM support_callbacks').all()).toEqual([
      { network_id: 'demo-it', phone: '+390212345678', created_at: TEST_START + 60_000, actor_id: anna.id, sent_at: null },
    ]);
    core.close();
  });

  it('goes to the network the shop chose, and to the first enabled one when the first listed is disabled', () => {
    const { core } = openTestCore(tempDir());
    expect(core.support.requestCallback('+33 1 23 45 67 89', 'IT', 'demo-fr')).toMatchObject({
      networkId: 'demo-fr',
      phone: '+33123456789',
    });
    disable(core, 'demo-it');
    expect(core.support.requestCallback('02 1234 5678', 'IT').networkId).toBe('demo-fr');
    core.close();
  });

  it('refuses, on the phone field, a number that cannot be read or is not a valid number, and stores nothing', () => {
    const { core } = openTestCore(tempDir());
    for (const phone of ['abc', '0000000000']) {
      const error = refusal(() => core.support.requestCallback(phone, 'IT'));
      expect(error).toMatchObject({
        code: 'BAD_INPUT',
        reason: 'phone',
        params: { phone },
        issues: [{ field: 'phone', reason: 'phone', params: { phone } }],
      });
    }
    expect(storedCount(core)).toBe(0);
    core.close();
  });

  it('says there is no network to send it to when every network is disabled or the chosen one does not exist, and stores nothing', () => {
    const { core } = openTestCore(tempDir());
    expect(refusal(() => core.support.requestCallback('02 1234 5678', 'IT', 'nowhere'))).toMatchObject({ code: 'NOT_FOUND' });
    disable(core, 'demo-it');
    disable(core, 'demo-fr');
    expect(refusal(() => core.support.requestCallback('02 1234 5678', 'IT'))).toMatchObject({ code: 'NOT_FOUND', reason: 'noNetwork' });
    expect(storedCount(core)).toBe(0);
    core.close();
  });

  it('lists the newest five requests, newest first, or as many as asked', () => {
    const { core, clock } = openTestCore(tempDir());
    const phones = ['02 1111 1111', '02 2222 2222', '02 3333 3333', '02 4444 4444', '02 5555 5555', '02 6666 6666'];
    for (const phone of phones) {
      core.support.requestCallback(phone, 'IT');
      clock.advance(1000);
    }
    expect(core.support.callbacks().map((r) => r.phone)).toEqual([
      '+390266666666',
      '+390255555555',
      '+390244444444',
      '+390233333333',
      '+390222222222',
    ]);
    expect(core.support.callbacks(2).map((r) => [r.id, r.createdAt])).toEqual([
      [6, TEST_START + 5000],
      [5, TEST_START + 4000],
    ]);
    core.close();
  });
});
