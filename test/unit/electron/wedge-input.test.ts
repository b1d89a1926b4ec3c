import { describe, expect, it, vi } from 'vitest';
import { createWedgeDetector } from '../../../main/devices/keyboard-wedge';
import { routeKeysToWedge } from '../../../main/electron/wedge-input';
import { fakeEvent, FakeWebContents } from './fakes';

function setup() {
  const webContents = new FakeWebContents() as FakeWebContents & { sendInputEvent: ReturnType<typeof vi.fn> };
  webContents.sendInputEvent = vi.fn();
  const scans: string[] = [];
  const detector = createWedgeDetector({ onScan: (s) => scans.push(s.code) });
  let clock = 0;
  routeKeysToWedge(
    webContents as never,
    () => detector,
    () => clock,
  );
  const press = (key: string, gapMs: number) => {
    clock += gapMs;
    const event = fakeEvent();
    webContents.emit('before-input-event', event, { type: 'keyDown', key, control: false, alt: false, meta: false });
    return event;
  };
  return { webContents, scans, press };
}

describe('keyboard wedge in Electron (before-input-event)', () => {
  it('holds back a fast burst so it never reaches the page, and reports one scan', () => {
    const { scans, press, webContents } = setup();
    const events = [...'QC0000000001', 'Enter'].map((key) => press(key, 5));
    expect(events.every((e) => e.preventDefault.mock.calls.length === 1)).toBe(true);
    expect(scans).toEqual(['QC0000000001']);
    expect(webContents.sendInputEvent).not.toHaveBeenCalled();
  });

  it('gives typing back to the page, in order, and does not feed it twice', () => {
    const { scans, press, webContents } = setup();
    press('a', 200);
    press('b', 200);
    const sent = webContents.sendInputEvent.mock.calls.map(([e]) => e.keyCode);
    expect(sent).toEqual(['a']);
    // The re-sent key comes back through before-input-event and goes straight through.
    const echoed = press('a', 0);
    expect(echoed.preventDefault).not.toHaveBeenCalled();
    expect(scans).toEqual([]);
  });

  it('ignores shortcuts and key-ups', () => {
    const { webContents } = setup();
    const event = fakeEvent();
    webContents.emit('before-input-event', event, { type: 'keyDown', key: 'c', control: true, alt: false, meta: false });
    webContents.emit('before-input-event', event, { type: 'keyUp', key: 'c', control: false, alt: false, meta: false });
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});
