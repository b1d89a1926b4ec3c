import { afterEach, describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { looksLikeSerialDevice } from '../../../../main/core/scanning/scanner-config';
import type { ScannerConfig } from '../../../../main/core/scanning/scanner-shapes';
import { refusal } from '../../../fixtures/refusal';
import { openTestCore } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function core(): CounterCore {
  const { core: c } = openTestCore(tempDir());
  opened.push(c);
  return c;
}

describe('which paths count as a serial device', () => {
  // Names real scanners get: Linux ttys and udev links (with ':' and '.' in them), macOS tty.*, Windows COM ports.
  it.each([
    '/dev/ttyUSB0',
    '/dev/ttyACM12',
    '/dev/tty.usbserial-1420',
    '/dev/serial/by-id/usb-Honeywell_Imaging___Mobility_1900-if00',
    '/dev/serial/by-path/pci-0000:00:14.0-usb-0:1:1.0',
    'COM3',
    'com12',
    'COM256',
    '\\\\.\\COM12',
  ])('%s is accepted', (path) => {
    expect(looksLikeSerialDevice(path)).toBe(true);
  });

  it.each([
    '/etc/passwd',
    'x/dev/ttyUSB0', // a device path must start at /dev
    '/dev/ttyUSB0/x', // nothing after the device name
    '/dev/ttyUSB0 ; rm',
    'x/dev/serial/by-id/usb-a',
    '/dev/serial/by-id/usb-a/',
    '/dev/serial/by-id/../../../etc/passwd',
    '/dev/serial/./by-id/usb-a',
    'xCOM3',
    'COM3x',
    'COM1234',
    'COM0',
    '\\\\.\\COM',
  ])('%s is refused', (path) => {
    expect(looksLikeSerialDevice(path)).toBe(false);
  });
});

describe('scanner settings', () => {
  const serial = (path: string) => ({ kind: 'serial' as const, path, baudRate: 9600 as const, terminator: 'CR' as const });

  it('refuses a path that is no serial device, next to the path field, and stores nothing', () => {
    const c = core();
    const error = refusal(() => c.scanners.add(serial('/etc/passwd')));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.issues).toEqual([{ field: 'config.path', reason: 'notSerialPort' }]);
    expect(c.scanners.list()).toEqual([]);
  });

  it('accepts a path the port list offered even when its name looks unusual', () => {
    const c = core();
    expect(c.scanners.add(serial('/dev/cu.usbserial-1420'), ['/dev/cu.usbserial-1420'])).toBe('serial:/dev/cu.usbserial-1420');
  });

  it('a scanner added twice is refused with a code the screen translates, naming the scanner', () => {
    const c = core();
    c.scanners.add({ kind: 'hid', vendorId: 0x0c2e, productId: 0x0b8f, format: 'pos' });
    const error = refusal(() => c.scanners.add({ kind: 'hid', vendorId: 0x0c2e, productId: 0x0b8f, format: 'keyboard' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.reason).toBe('scannerExists');
    expect(error.params).toEqual({ id: 'hid:0c2e:0b8f' });
  });

  it('removing an unknown scanner is NOT_FOUND; removing a known one forgets it', () => {
    const c = core();
    expect(refusal(() => c.scanners.remove('serial:/dev/ttyUSB9')).code).toBe('NOT_FOUND');
    const id = c.scanners.add(serial('/dev/ttyUSB0'));
    c.scanners.remove(id);
    expect(c.scanners.list()).toEqual([]);
  });

  it.each(['ANY', 'CR', 'LF', 'CRLF'] as const)('a serial scanner ending its codes with %s can be set up', (terminator) => {
    const c = core();
    const id = c.scanners.add({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, terminator });
    expect(c.scanners.list()).toEqual([{ id, config: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, terminator } }]);
  });

  it('a pasted path loses its surrounding spaces before it is checked and stored', () => {
    const c = core();
    expect(c.scanners.add(serial(' /dev/ttyUSB0 \t'))).toBe('serial:/dev/ttyUSB0');
    expect(c.scanners.list()[0]?.config).toMatchObject({ path: '/dev/ttyUSB0' });
  });

  it('a scanner of no known kind is refused at the kind field and nothing is stored', () => {
    const c = core();
    const bad = { kind: 'bluetooth', path: '/dev/ttyUSB0', baudRate: 9600, terminator: 'CR' };
    expect(() => c.scanners.add(bad as unknown as ScannerConfig)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['kind'] })] }),
    );
    expect(c.scanners.list()).toEqual([]);
  });
});

describe('scan preferences', () => {
  it('a fresh till expects no prefix or suffix from a keyboard-wedge scanner', () => {
    expect(core().scanners.preferences()).toEqual({
      feedbackVolume: 70,
      wedge: { maxIntervalMs: 30, minLength: 4, terminator: 'Enter', prefix: '', suffix: '' },
    });
  });

  it.each(['Enter', 'Tab', 'none'] as const)('a wedge scanner sending %s after each code can be set up', (terminator) => {
    const c = core();
    const wanted = { feedbackVolume: 0, wedge: { maxIntervalMs: 50, minLength: 6, terminator, prefix: '#', suffix: '' } };
    expect(c.scanners.setPreferences(wanted)).toEqual(wanted);
    expect(c.scanners.preferences()).toEqual(wanted);
  });
});
