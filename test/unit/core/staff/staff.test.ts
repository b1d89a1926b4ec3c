import { describe, expect, it } from 'vitest';
import { hashPin, PIN_KDF, pinMatches } from '../../../../main/core/staff/pin-kdf';
import { PIN_WAIT } from '../../../../main/core/staff/staff-directory';
import { openTestCore } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';
import { useCounter } from '../../../fixtures/counter';
import { afterEach } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';

const tempDir = useTempDir();
const counterKit = useCounter();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function open(dir = tempDir(), clock?: Parameters<typeof openTestCore>[1]) {
  const started = openTestCore(dir, clock);
  opened.push(started.core);
  return { ...started, dir };
}

describe('PIN key derivation', { timeout: 60_000 }, () => {
  it('stores scrypt with its parameters and a fresh salt, never the PIN', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(a).toMatch(new RegExp(`^scrypt\\$${PIN_KDF.N}\\$${PIN_KDF.r}\\$${PIN_KDF.p}\\$`));
    expect(a).not.toContain('2468');
    expect(a).not.toBe(b);
    expect(await pinMatches('2468', a)).toBe(true);
    expect(await pinMatches('2469', a)).toBe(false);
    expect(await pinMatches('2468', 'plain$2468')).toBe(false);
  });
});

describe('staff directory', { timeout: 60_000 }, () => {
  it('sets up the first manager once, then refuses a second setup', async () => {
    const { core } = open();
    expect(core.staff.needsSetup()).toBe(true);
    const giulia = await core.staff.setUp('Giulia', '2468');
    expect(giulia).toMatchObject({ name: 'Giulia', role: 'manager', active: true });
    expect(core.staff.needsSetup()).toBe(false);
    await expect(core.staff.setUp('Mallory', '1111')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(core.staff.list().map((p) => p.name)).toEqual(['Giulia']);
  });

  it('refuses PINs that are not 4 to 8 digits, naming the field', async () => {
    const { core } = open();
    for (const pin of ['123', '123456789', '12a4', ' 1234']) {
      await expect(core.staff.setUp('Giulia', pin)).rejects.toMatchObject({ code: 'BAD_INPUT', fields: ['pin'] });
    }
  });

  it('deactivates instead of deleting, and never leaves the shop without an active manager', async () => {
    const { core } = open();
    const giulia = await core.staff.setUp('Giulia', '2468');
    const marco = await core.staff.add('Marco', 'clerk', '1357');
    expect(() => core.staff.setActive(giulia.id, false)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => core.staff.setRole(giulia.id, 'clerk')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    core.staff.setActive(marco.id, false);
    expect(core.staff.get(marco.id)).toMatchObject({ active: false });
    await expect(core.staff.check(marco.id, '1357')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(core.db.prepare('SELECT count(*) FROM staff WHERE id = ?').pluck().get(marco.id)).toBe(1);
  });

  it('gives 5 wrong PINs free, then a doubling wait per person that survives a restart', async () => {
    const { core, clock, dir } = open();
    const giulia = await core.staff.setUp('Giulia', '2468');
    const marco = await core.staff.add('Marco', 'clerk', '1357');
    for (let i = 1; i <= 4; i++)
      expect(await core.staff.check(marco.id, '0000')).toMatchObject({
        ok: false,
        reason: 'wrong-pin',
        freeLeft: 5 - i,
        lockedUntil: null,
      });
    const fifth = await core.staff.check(marco.id, '0000');
    expect(fifth).toEqual({ ok: false, reason: 'wrong-pin', freeLeft: 0, lockedUntil: clock.now() + PIN_WAIT.baseMs });
    // Even the right PIN waits now; another person does not.
    expect(await core.staff.check(marco.id, '1357')).toMatchObject({ ok: false, reason: 'locked' });
    expect(await core.staff.check(giulia.id, '2468')).toMatchObject({ ok: true });

    core.close();
    opened.splice(0);
    const again = open(dir, clock).core;
    expect(await again.staff.check(marco.id, '1357')).toMatchObject({
      ok: false,
      reason: 'locked',
      lockedUntil: clock.now() + PIN_WAIT.baseMs,
    });
    clock.advance(PIN_WAIT.baseMs);
    expect(await again.staff.check(marco.id, '0000')).toMatchObject({ ok: false, lockedUntil: clock.now() + 2 * PIN_WAIT.baseMs });
    clock.advance(2 * PIN_WAIT.baseMs);
    expect(await again.staff.check(marco.id, '1357')).toMatchObject({ ok: true });
    expect(again.staff.lockedUntil(marco.id)).toBeUndefined();
  });

  it('counts tries sent in parallel, so they cannot all slip past the wait', async () => {
    const { core } = open();
    await core.staff.setUp('Giulia', '2468');
    const marco = await core.staff.add('Marco', 'clerk', '1357');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => core.staff.check(marco.id, String(1000 + i))));
    expect(results.filter((r) => !r.ok && r.reason === 'wrong-pin')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(7);
  });

  it('a reset PIN replaces the old one and clears the wait', async () => {
    const { core } = open();
    await core.staff.setUp('Giulia', '2468');
    const marco = await core.staff.add('Marco', 'clerk', '1357');
    for (let i = 0; i < 6; i++) await core.staff.check(marco.id, '0000');
    await core.staff.resetPin(marco.id, '97531');
    expect(await core.staff.check(marco.id, '1357')).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(await core.staff.check(marco.id, '97531')).toMatchObject({ ok: true });
  });
});

describe('session', { timeout: 60_000 }, () => {
  it('signs in, switches person, and locks after the idle time', async () => {
    const { core, clock } = open();
    const giulia = await core.session.setUp('Giulia', '2468');
    expect(core.session.current()?.id).toBe(giulia.id);
    const marco = await core.staff.add('Marco', 'clerk', '1357');
    expect(await core.session.signIn(marco.id, '1357')).toMatchObject({ ok: true });
    expect(core.session.current()?.name).toBe('Marco');
    expect(core.session.idleLockMinutes()).toBe(10);
    clock.advance(9 * 60_000);
    core.session.touch();
    clock.advance(9 * 60_000);
    expect(core.session.lockIfIdle()).toBe(false);
    clock.advance(60_000);
    expect(core.session.lockIfIdle()).toBe(true);
    expect(core.session.current()).toBeUndefined();
  });

  it('waits with the idle lock while a delivery with a running deadline is open, and the deadline keeps running', async () => {
    const { core, clock } = await counterKit.start();
    await core.session.setUp('Giulia', '2468');
    const delivery = core.counter.deliveries.handOver('demo-fr', { actorId: core.session.current()!.id, method: 'manual' });
    const deadline = delivery.intake_deadline_at!;
    clock.advance(11 * 60_000);
    expect(core.session.lockDueAt()).toBeUndefined();
    expect(core.session.lockIfIdle()).toBe(false);
    expect(core.counter.blocking.deadlines()[0]?.deadlineAt).toBe(deadline);
    clock.advance(20 * 60_000);
    expect(core.counter.blocking.current()).toMatchObject({ kind: 'intake', deadlineAt: deadline });
    expect(core.session.current()).toBeDefined();
  });

  it('can be turned off by a manager (0 minutes) and refuses out-of-range values', async () => {
    const { core, clock } = open();
    await core.session.setUp('Giulia', '2468');
    core.session.setIdleLockMinutes(0);
    clock.advance(24 * 3600_000);
    expect(core.session.lockIfIdle()).toBe(false);
    expect(() => core.session.setIdleLockMinutes(-1)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });
});
