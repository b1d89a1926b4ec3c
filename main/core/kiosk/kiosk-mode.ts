import { CoreError } from '../errors';
import type { SettingsRepository } from '../settings';
import type { PinCheck, StaffDirectory } from '../staff/staff-directory';

export const KIOSK_KEY = 'kiosk.enabled';
export const TOUCH_SCREEN_KEY = 'kiosk.touchScreen';

export interface KioskState {
  /** The window is locked down now. */
  on: boolean;
  /** The manager's setting: the counter starts in kiosk mode. */
  setting: boolean;
  /** Started with `--kiosk`. */
  flag: boolean;
  /** The manager's setting: the screen is a touch screen. */
  touchScreen: boolean;
  /** Text fields get the on-screen keyboard: in kiosk mode or on a touch screen. */
  keyboard: boolean;
}

/**
 * Kiosk mode: on when the app was started with `--kiosk` or a manager turned
 * the setting on. Leaving it (until the next start) takes a manager's PIN,
 * checked like a sign-in, so wrong PINs count towards the same wait.
 */
export class KioskMode {
  private left = false;
  private readonly listeners = new Set<(state: KioskState) => void>();

  constructor(
    private readonly directory: StaffDirectory,
    private readonly settings: SettingsRepository,
    private readonly flag: boolean,
  ) {}

  state(): KioskState {
    const setting = this.settings.get(KIOSK_KEY) === 'on';
    const touchScreen = this.settings.get(TOUCH_SCREEN_KEY) === 'on';
    const on = (this.flag || setting) && !this.left;
    return { on, setting, flag: this.flag, touchScreen, keyboard: on || touchScreen };
  }

  setEnabled(enabled: boolean): KioskState {
    this.settings.set(KIOSK_KEY, enabled ? 'on' : 'off');
    if (enabled) this.left = false;
    return this.changed();
  }

  setTouchScreen(enabled: boolean): KioskState {
    this.settings.set(TOUCH_SCREEN_KEY, enabled ? 'on' : 'off');
    return this.changed();
  }

  /** A manager's PIN lets the counter out of kiosk mode; anyone else's, right or wrong, does not. */
  async leave(staffId: string, pin: string): Promise<PinCheck> {
    const person = this.directory.get(staffId);
    if (!person) throw new CoreError('NOT_FOUND', `No person ${staffId}`);
    if (person.role !== 'manager') throw new CoreError('FORBIDDEN', 'Only a manager can leave kiosk mode');
    const result = await this.directory.check(staffId, pin);
    if (result.ok) {
      this.left = true;
      this.changed();
    }
    return result;
  }

  onChange(listener: (state: KioskState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): KioskState {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
    return state;
  }
}
