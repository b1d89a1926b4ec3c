import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openHidScanner, pickHidInterface } from '../../../main/devices/hid-pos-scanner';
import type { HidBackend, HidConnection, HidDeviceInfo } from '../../../main/devices/node-hid-backend';
import type { RawScan } from '../../../main/devices/scan';
import type { ScannerStatus } from '../../../main/devices/scanner-device';
import { ManualTimers } from './manual-timers';

const VID = 0x0c2e;
const PID = 0x0b8f;

class FakeConnection extends EventEmitter implements HidConnection {
  closed = false;
  constructor(readonly path: string) {
    super();
  }
  close() {
    this.closed = true;
    this.removeAllListeners();
  }
  report(bytes: number[]) {
    this.emit('data', Buffer.from(bytes));
  }
  unplug() {
    this.emit('error', new Error('could not read from HID device'));
  }
}

/** A fake node-hid: a list of plugged interfaces, and a log of what the driver did. */
class FakeHid implements HidBackend {
  plugged: HidDeviceInfo[] = [];
  listedAt: number[] = [];
  opened: FakeConnection[] = [];
  openError: Error | undefined;
  constructor(private readonly timers: ManualTimers) {}
  async devices(vendorId: number, productId: number) {
    this.listedAt.push(this.timers.now);
    return this.plugged.filter((d) => d.vendorId === vendorId && d.productId === productId);
  }
  async open(path: string) {
    if (this.openError) throw this.openError;
    const connection = new FakeConnection(path);
    this.opened.push(connection);
    return connection;
  }
}

/** A Honeywell-style scanner: keyboard interface 0 and HID POS interface 1. */
const SCANNER: HidDeviceInfo[] = [
  { vendorId: VID, productId: PID, path: '/dev/hidraw3', usagePage: 0x01, usage: 0x06, interface: 0 },
  { vendorId: VID, productId: PID, path: '/dev/hidraw4', usagePage: 0x8c, usage: 0x02, interface: 1 },
];

function posReport(text: string, continued = false): number[] {
  const data = [...Buffer.from(text, 'latin1')];
  return [0x02, data.length, 0x5d, 0x43, 0x30, ...data, ...Array<number>(56 - data.length).fill(0), 0x6a, 0, continued ? 1 : 0];
}

function setup(format: 'pos' | 'keyboard' = 'pos', before: (hid: FakeHid) => void = () => {}) {
  const timers = new ManualTimers();
  const hid = new FakeHid(timers);
  before(hid);
  const scans: RawScan[] = [];
  const statuses: ScannerStatus[] = [];
  const scanner = openHidScanner({
    vendorId: VID,
    productId: PID,
    format,
    backend: hid,
    timers,
    onScan: (s) => scans.push(s),
    onStatus: (s) => statuses.push(s),
  });
  return { timers, hid, scans, statuses, scanner };
}

describe('HID scanner driver (fake node-hid)', () => {
  it('polls with backoff while absent, connects on plug, reads scans, reconnects after unplug, stops on close', async () => {
    const { timers, hid, scans, statuses, scanner } = setup();
    await timers.advance(0);
    expect(scanner.id).toBe('hid:0c2e:0b8f');
    expect(statuses).toEqual([{ state: 'disconnected', reason: 'HID scanner 0c2e:0b8f not found (unplugged?)', problem: 'not-found' }]);

    await timers.advance(3800);
    expect(hid.listedAt).toEqual([0, 250, 750, 1750, 3750]); // 250 → 500 → 1000 → 2000 ms
    expect(statuses).toHaveLength(1); // "not found" is not repeated on every poll

    hid.plugged = [...SCANNER];
    await timers.advance(4000); // next poll at 7750
    expect(hid.listedAt.at(-1)).toBe(7750);
    expect(scanner.status).toEqual({ state: 'connected' });
    expect(hid.opened.map((c) => c.path)).toEqual(['/dev/hidraw4']); // the 0x8C interface, not the keyboard one

    const connection = hid.opened[0]!;
    connection.report(posReport('QC0000000001'));
    connection.report(posReport('X'.repeat(56), true));
    connection.report(posReport('YZ'));
    expect(scans).toEqual([
      { code: 'QC0000000001', source: 'hid', deviceId: 'hid:0c2e:0b8f', symbology: ']C0' },
      { code: 'X'.repeat(56) + 'YZ', source: 'hid', deviceId: 'hid:0c2e:0b8f', symbology: ']C0' },
    ]);

    // Unplug halfway through a long scan: the half is forgotten.
    connection.report(posReport('HALF', true));
    hid.plugged = [];
    connection.unplug();
    expect(connection.closed).toBe(true);
    expect(scanner.status.state).toBe('disconnected');
    expect(scanner.status.reason).toMatch(/disconnected: could not read/);
    expect(scanner.status.problem).toBe('lost');
    const listed = hid.listedAt.length;
    await timers.advance(250);
    expect(hid.listedAt.length).toBe(listed + 1); // first re-poll after 250 ms, not 5 s

    hid.plugged = [...SCANNER];
    await timers.advance(500);
    expect(scanner.status).toEqual({ state: 'connected' });
    const again = hid.opened[1]!;
    again.report(posReport('QC0000000002'));
    expect(scans.map((s) => s.code)).toEqual(['QC0000000001', 'X'.repeat(56) + 'YZ', 'QC0000000002']);

    await scanner.close();
    expect(again.closed).toBe(true);
    expect(scanner.status).toEqual({ state: 'disconnected', reason: 'closed', problem: 'closed' });
    const count = hid.listedAt.length;
    await timers.advance(60_000);
    expect(hid.listedAt.length).toBe(count);
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('reports an error when the device is there but cannot be opened, and keeps trying', async () => {
    const { timers, hid, scanner } = setup('pos', (fake) => {
      fake.plugged = [...SCANNER];
      fake.openError = new Error('cannot open device with path /dev/hidraw4');
    });
    await timers.advance(0);
    expect(scanner.status.state).toBe('error');
    expect(scanner.status.reason).toContain('/dev/hidraw4');
    hid.openError = undefined;
    await timers.advance(250);
    expect(scanner.status).toEqual({ state: 'connected' });
    await scanner.close();
  });

  it('reads boot keyboard reports in keyboard format', async () => {
    const { timers, hid, scans, scanner } = setup('keyboard', (fake) => (fake.plugged = [...SCANNER]));
    await timers.advance(0);
    expect(hid.opened[0]?.path).toBe('/dev/hidraw3');
    const c = hid.opened[0]!;
    for (const r of [
      [2, 0, 0x14],
      [0, 0, 0],
      [0, 0, 0x1e],
      [0, 0, 0],
      [0, 0, 0x28],
      [0, 0, 0],
    ])
      c.report([...r, 0, 0, 0, 0, 0]);
    expect(scans).toEqual([{ code: 'Q1', source: 'hid', deviceId: 'hid:0c2e:0b8f' }]);
    await scanner.close();
  });
});

describe('pickHidInterface', () => {
  const wanted = { vendorId: VID, productId: PID, format: 'pos' as const };

  it('says when the scanner is in the wrong mode (no 0x8C interface)', () => {
    const pick = pickHidInterface([SCANNER[0]!], wanted);
    expect(pick.device).toBeUndefined();
    expect(pick.device ? undefined : pick.status.state).toBe('error');
  });

  it('falls back to the first interface when the platform reports no usage pages', () => {
    const bare = [
      { vendorId: VID, productId: PID, path: 'a' },
      { vendorId: VID, productId: PID, path: 'b' },
    ];
    expect(pickHidInterface(bare, wanted).device?.path).toBe('a');
  });

  it('matches the serial number when one is given', () => {
    const two = [
      { ...SCANNER[1]!, serialNumber: 'S1', path: 'p1' },
      { ...SCANNER[1]!, serialNumber: 'S2', path: 'p2' },
    ];
    expect(pickHidInterface(two, { ...wanted, serialNumber: 'S2' }).device?.path).toBe('p2');
    expect(pickHidInterface(two, { ...wanted, serialNumber: 'S3' }).device).toBeUndefined();
  });
});
