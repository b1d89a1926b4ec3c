import { afterEach, describe, expect, it } from 'vitest';
import { openCounterCore, type CounterCore } from '../../../../main/core/counter-core';
import { ManualClock } from '../../../../main/core/clock';
import { PIN_WAIT } from '../../../../main/core/staff/staff-directory';
import type { KioskState } from '../../../../main/core/kiosk/kiosk-mode';
import { TEST_START } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function open(dir: string, kiosk: boolean) {
  const core = openCounterCore(dir, new ManualClock(TEST_START), { kiosk });
  opened.push(core);
  return core;
}

describe('kiosk mode', { timeout: 60_000 }, () => {
  it('is on with --kiosk or the manager setting, and the setting survives a restart', () => {
    const dir = tempDir();
    const first = open(dir, false);
    expect(first.kiosk.state()).toEqual({ on: false, setting: false, flag: false, touchScreen: false, keyboard: false });
    expect(first.kiosk.setEnabled(true)).toEqual({ on: true, setting: true, flag: false, touchScreen: false, keyboard: true });
    first.close();
    opened.splice(0);
    expect(open(dir, false).kiosk.state()).toEqual({ on: true, setting: true, flag: false, touchScreen: false, keyboard: true });
    expect(open(tempDir(), true).kiosk.state()).toEqual({ on: true, setting: false, flag: true, touchScreen: false, keyboard: true });
  });

  it('is left only with a manager’s right PIN; a clerk is refused and wrong PINs count towards the wait', async () => {
    const core = open(tempDir(), true);
    const giulia = await core.session.setUp('Giulia', '2468');
    const marco = await core.staff.add('Marco', 'clerk', '1357');
    const changes: KioskState[] = [];
    core.kiosk.onChange((state) => changes.push(state));

    await expect(core.kiosk.leave(marco.id, '1357')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await core.kiosk.leave(giulia.id, '0000')).toMatchObject({ ok: false, reason: 'wrong-pin', freeLeft: PIN_WAIT.free - 1 });
    expect(core.kiosk.state().on).toBe(true);
    expect(changes).toEqual([]);

    expect(await core.kiosk.leave(giulia.id, '2468')).toMatchObject({ ok: true });
    expect(core.kiosk.state()).toEqual({ on: false, setting: false, flag: true, touchScreen: false, keyboard: false });
    expect(changes).toEqual([{ on: false, setting: false, flag: true, touchScreen: false, keyboard: false }]);
    // The wrong PIN before was forgiven by the right one, as at sign-in.
    expect(core.staff.lockedUntil(giulia.id)).toBeUndefined();
  });

  it('a manager who turns the setting on again locks the window again', async () => {
    const core = open(tempDir(), false);
    const giulia = await core.session.setUp('Giulia', '2468');
    core.kiosk.setEnabled(true);
    await core.kiosk.leave(giulia.id, '2468');
    expect(core.kiosk.state().on).toBe(false);
    expect(core.kiosk.setEnabled(true).on).toBe(true);
  });

  it('gives text fields the on-screen keyboard in kiosk mode or on a touch screen, and keeps the touch setting across a restart', async () => {
    const dir = tempDir();
    const core = open(dir, false);
    const giulia = await core.session.setUp('Giulia', '2468');
    expect(core.kiosk.state()).toMatchObject({ touchScreen: false, keyboard: false });
    core.kiosk.setEnabled(true);
    expect(core.kiosk.state()).toMatchObject({ on: true, touchScreen: false, keyboard: true });
    await core.kiosk.leave(giulia.id, '2468');
    expect(core.kiosk.state()).toMatchObject({ on: false, keyboard: false });
    const changes: KioskState[] = [];
    core.kiosk.onChange((state) => changes.push(state));
    expect(core.kiosk.setTouchScreen(true)).toMatchObject({ on: false, touchScreen: true, keyboard: true });
    expect(changes).toHaveLength(1);
    core.close();
    opened.splice(0);
    expect(open(dir, false).kiosk.state()).toEqual({ on: true, setting: true, flag: false, touchScreen: true, keyboard: true });
    expect(open(dir, false).kiosk.setTouchScreen(false)).toMatchObject({ touchScreen: false, keyboard: true });
  });
});
