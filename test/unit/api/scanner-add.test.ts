import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../main/api/router';
import type { CounterCore } from '../../../main/core/counter-core';
import { openTestCore } from '../../fixtures/core';
import { testHandlers } from '../../fixtures/handlers';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function setup() {
  const { core } = openTestCore(tempDir());
  opened.push(core);
  return { core, router: createRouter(testHandlers(core)) };
}

const serial = (path: string) => ({ config: { kind: 'serial', path, baudRate: 9600, terminator: 'CR' } });

describe('scanners.add opens only serial devices', () => {
  it.each([
    '/etc/passwd',
    '/dev/zero',
    '/dev/tty',
    '/dev/sda',
    '/dev/serial/by-id/../../../etc/shadow',
    '/dev/ttyUSB0/../../etc/passwd',
    'COM0',
    'CON',
    '../ttyUSB0',
    'C:\\Windows\\win.ini',
  ])('refuses %s and stores nothing', async (path) => {
    const { core, router } = setup();
    const answer = await router.dispatch('scanners.add', serial(path));
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', fields: ['config.path'] } });
    expect(core.scanners.list()).toEqual([]);
  });

  it.each([
    '/dev/ttyUSB0',
    '/dev/ttyACM1',
    '/dev/ttyS0',
    '/dev/tty.usbserial-A10K',
    '/dev/serial/by-id/usb-Honeywell_1902g-if00',
    'COM3',
    '\\\\.\\COM12',
  ])('accepts %s, which looks like a serial device', async (path) => {
    const { router } = setup();
    const answer = await router.dispatch('scanners.add', serial(path));
    expect(answer).toMatchObject({ ok: true });
  });

  it('accepts a path the port list offered even when its name is unusual, and only then', () => {
    const { core } = setup();
    const config = { kind: 'serial' as const, path: '/dev/cu.usbserial-1420', baudRate: 9600 as const, terminator: 'CR' as const };
    expect(() => core.scanners.add(config)).toThrow(/not a serial port/);
    expect(core.scanners.add(config, ['/dev/cu.usbserial-1420'])).toBe('serial:/dev/cu.usbserial-1420');
  });
});
