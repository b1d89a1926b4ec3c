import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { displayAwake } from '../../../main/electron/display-awake';
import { FakePowerSaveBlocker, FakeWebContents } from './fakes';

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
}

function setup() {
  const blocker = new FakePowerSaveBlocker();
  const window = new FakeWindow();
  const display = displayAwake(blocker);
  display.releaseWith(window);
  return { blocker, window, display };
}

describe('the display kept awake under the driver QR', () => {
  it('starts a display-sleep blocker when the QR shows and stops that one when it goes', () => {
    const { blocker, display } = setup();
    display.keepAwake(true);
    expect(blocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
    expect(blocker.started.size).toBe(1);
    display.keepAwake(false);
    expect(blocker.stop).toHaveBeenCalledExactlyOnceWith(1);
    expect(blocker.started.size).toBe(0);
  });

  it('holds one blocker however often the page asks, and stops nothing it did not start', () => {
    const { blocker, display } = setup();
    display.keepAwake(false);
    expect(blocker.stop).not.toHaveBeenCalled();
    display.keepAwake(true);
    display.keepAwake(true);
    expect(blocker.start).toHaveBeenCalledOnce();
    display.keepAwake(false);
    display.keepAwake(false);
    expect(blocker.stop).toHaveBeenCalledOnce();
    // Shown again later: a new blocker.
    display.keepAwake(true);
    expect(blocker.start).toHaveBeenCalledTimes(2);
    expect([...blocker.started]).toEqual([2]);
  });

  it.each(['closed', 'did-navigate', 'render-process-gone'] as const)(
    'lets the display sleep when the page that asked is gone (%s)',
    (event) => {
      const { blocker, window, display } = setup();
      display.keepAwake(true);
      if (event === 'closed') window.emit('closed');
      else window.webContents.emit(event);
      expect(blocker.started.size).toBe(0);
      // Nothing more to stop when the reloaded page then says the QR is gone.
      display.keepAwake(false);
      expect(blocker.stop).toHaveBeenCalledOnce();
    },
  );
});
