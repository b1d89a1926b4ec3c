import type { Input } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { followKioskMode, isKioskBlockedShortcut } from '../../../main/electron/kiosk-window';
import { FakeWebContents, fakeEvent } from './fakes';

const key = (k: string, mods: Partial<Pick<Input, 'control' | 'meta' | 'alt' | 'shift'>> = {}) =>
  ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...mods }) as Input;

function fakeWindow() {
  const webContents = new FakeWebContents();
  return { webContents, setKiosk: vi.fn(), setFullScreen: vi.fn(), setMenuBarVisibility: vi.fn(), isDestroyed: () => false };
}

describe('kiosk window', () => {
  it('knows the closing, reload and DevTools shortcuts, and lets typing through', () => {
    for (const blocked of [
      key('w', { control: true }),
      key('q', { meta: true }),
      key('R', { control: true }),
      key('F5'),
      key('F12'),
      key('F4', { alt: true }),
      key('I', { control: true, shift: true }),
    ]) {
      expect(isKioskBlockedShortcut(blocked), JSON.stringify(blocked)).toBe(true);
    }
    for (const allowed of [
      key('w'),
      key('1'),
      key('Enter'),
      key('a', { shift: true }),
      { ...key('w', { control: true }), type: 'keyUp' } as Input,
    ]) {
      expect(isKioskBlockedShortcut(allowed), JSON.stringify(allowed)).toBe(false);
    }
  });

  it('locks the window down while main says kiosk, and swallows the shortcuts only then', () => {
    const window = fakeWindow();
    let listener: (state: { on: boolean }) => void = () => {};
    followKioskMode(window as never, true, (l) => (listener = l));
    const closing = fakeEvent();
    window.webContents.emit('before-input-event', closing, key('w', { control: true }));
    expect(closing.preventDefault).toHaveBeenCalled();

    // A manager's PIN let the counter out of kiosk mode.
    listener({ on: false });
    expect(window.setKiosk).toHaveBeenLastCalledWith(false);
    expect(window.setFullScreen).toHaveBeenLastCalledWith(false);
    expect(window.setMenuBarVisibility).toHaveBeenLastCalledWith(true);
    const reload = fakeEvent();
    window.webContents.emit('before-input-event', reload, key('F5'));
    expect(reload.preventDefault).not.toHaveBeenCalled();
  });

  it('leaves a normal window alone until kiosk mode is turned on', () => {
    const window = fakeWindow();
    let listener: (state: { on: boolean }) => void = () => {};
    followKioskMode(window as never, false, (l) => (listener = l));
    expect(window.setKiosk).not.toHaveBeenCalled();
    listener({ on: true });
    expect(window.setKiosk).toHaveBeenCalledWith(true);
    expect(window.setMenuBarVisibility).toHaveBeenCalledWith(false);
    const devTools = fakeEvent();
    window.webContents.emit('before-input-event', devTools, key('F12'));
    expect(devTools.preventDefault).toHaveBeenCalled();
  });
});
