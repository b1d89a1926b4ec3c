import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../main/api/event-bus';
import { startCounterApp, type CounterApp } from '../../../main/app/start';
import { ManualClock } from '../../../main/core/clock';
import { demoParcel } from '../../../main/core/networks/demo-network';
import type { ScannerConfig } from '../../../main/core/scanning/scanner-shapes';
import type { RawScan } from '../../../main/devices/scan';
import type { ScannerDevice, ScannerStatus } from '../../../main/devices/scanner-device';
import { ScannerHub } from '../../../main/app/scanner-hub';
import { openTestCore, TEST_START } from '../../fixtures/core';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A device the test drives: it scans and changes status on demand. */
function fakeDevice(id: string, kind: ScannerDevice['kind']) {
  const scanListeners = new Set<(s: RawScan) => void>();
  const statusListeners = new Set<(s: ScannerStatus) => void>();
  const device = {
    id,
    kind,
    status: { state: 'connected' } as ScannerStatus,
    closed: false,
    onScan: (l: (s: RawScan) => void) => (scanListeners.add(l), () => scanListeners.delete(l)),
    onStatus: (l: (s: ScannerStatus) => void) => (statusListeners.add(l), () => statusListeners.delete(l)),
    close: async () => {
      device.closed = true;
    },
    scan: (code: string) => scanListeners.forEach((l) => l({ code, source: kind === 'wedge' ? 'wedge' : kind })),
    setStatus: (s: ScannerStatus) => {
      device.status = s;
      statusListeners.forEach((l) => l(s));
    },
  };
  return device;
}

describe('scanner settings and the hub', () => {
  it('opens configured scanners, reports their status, and closes removed ones', async () => {
    const { core } = openTestCore(tempDir());
    cleanups.push(() => core.close());
    const events = new EventBus();
    const statuses: unknown[] = [];
    events.subscribe((name, payload) => name === 'scanner.status' && statuses.push(payload));
    const opened = new Map<string, ReturnType<typeof fakeDevice>>();
    const scans: RawScan[] = [];
    const hub = new ScannerHub({
      core,
      events,
      receiveScan: (s) => scans.push(s),
      openDevice: (config: ScannerConfig, id) => {
        const device = fakeDevice(id, config.kind);
        opened.set(id, device);
        return device;
      },
    });
    cleanups.push(() => hub.close());
    core.scanners.add({ kind: 'serial', path: '/dev/ttyACM0', baudRate: 9600, terminator: 'CR' });
    await hub.refresh();
    const serial = opened.get('serial:/dev/ttyACM0')!;
    expect(hub.list().map((s) => [s.id, s.status.state])).toEqual([
      ['wedge', 'connected'],
      ['serial:/dev/ttyACM0', 'connected'],
    ]);
    serial.setStatus({ state: 'disconnected', reason: 'unplugged', problem: 'lost' });
    // What the screen receives: the code it translates, never main's English reason.
    expect(statuses.at(-1)).toEqual({ id: 'serial:/dev/ttyACM0', kind: 'serial', status: { state: 'disconnected', problem: 'lost' } });
    serial.scan('QC0000000001');
    expect(scans).toEqual([{ code: 'QC0000000001', source: 'serial', deviceId: 'serial:/dev/ttyACM0' }]);
    expect(() => core.scanners.add({ kind: 'serial', path: '/dev/ttyACM0', baudRate: 9600, terminator: 'CR' })).toThrow(/already/);
    core.scanners.remove('serial:/dev/ttyACM0');
    await hub.refresh();
    expect(serial.closed).toBe(true);
    expect(hub.list().map((s) => s.id)).toEqual(['wedge']);
  });

  it('keeps scanners and preferences across a restart', () => {
    const dir = tempDir();
    const first = openTestCore(dir);
    first.core.scanners.add({ kind: 'hid', vendorId: 0x0c2e, productId: 0x0b8f, format: 'pos' });
    first.core.scanners.setPreferences({
      feedbackVolume: 20,
      wedge: { maxIntervalMs: 40, minLength: 6, terminator: 'Tab', prefix: '', suffix: '' },
    });
    first.core.close();
    const second = openTestCore(dir);
    cleanups.push(() => second.core.close());
    expect(second.core.scanners.list()).toEqual([
      { id: 'hid:0c2e:0b8f', config: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b8f, format: 'pos' } },
    ]);
    expect(second.core.scanners.preferences().feedbackVolume).toBe(20);
  });
});

describe('a scan through the app', () => {
  function startApp(): CounterApp {
    const app = startCounterApp({ dataDir: tempDir(), clock: new ManualClock(TEST_START), version: 'x', log: () => {} });
    cleanups.push(() => app.close());
    return app;
  }

  it('typed fast by a keyboard wedge reaches the renderer classified, and the same code within 1 s is dropped once', async () => {
    const app = startApp();
    const scans: unknown[] = [];
    app.events.subscribe((name, payload) => name === 'scanner.scanned' && scans.push(payload));
    const keys = [...'QC0000000001', 'Enter'].map((key, i) => ({ key, at: 1000 + i * 5 }));
    expect(await app.router.dispatch('wedge.keys', { keys })).toEqual({ ok: true, value: { accepted: 13 } });
    expect(scans).toEqual([
      expect.objectContaining({
        code: 'QC0000000001',
        source: 'wedge',
        classification: { kind: 'parcel', trackingId: 'QC0000000001', networkId: 'demo-fr' },
      }),
    ]);
    await app.router.dispatch('wedge.keys', { keys });
    expect(scans).toHaveLength(1);
  });

  it('typed slowly by a person is not a scan', async () => {
    const app = startApp();
    const scans: unknown[] = [];
    app.events.subscribe((name, payload) => name === 'scanner.scanned' && scans.push(payload));
    const keys = [...'QC0000000001', 'Enter'].map((key, i) => ({ key, at: 1000 + i * 150 }));
    await app.router.dispatch('wedge.keys', { keys });
    expect(scans).toEqual([]);
  });

  it('a pickup barcode main read opens its pickup while typed codes are locked; the same code typed does not', async () => {
    const app = startApp();
    const { counter } = app.core!;
    const { slots } = counter;
    slots.configure([{ id: 'L0', size: 'large', capacity: 500 }]);
    await counter.pullManifest('demo-fr', app.core!.adapters.demo!);
    const delivery = counter.deliveries.handOver('demo-fr', { actorId: 'counter', method: 'scanner' });
    for (const parcel of counter.deliveries.parcelsOf(delivery.id))
      counter.deliveries.scan(delivery.id, parcel.tracking_id, { actorId: 'counter', method: 'scanner' });
    const code = demoParcel('demo-fr', 0).pickupCode;
    for (let n = 0; counter.throttle.lockedUntil() === undefined; n++) {
      await app.router.dispatch('pickup.start', { code: String(900_000 + n), method: 'keyboard' });
    }
    expect(await app.router.dispatch('pickup.start', { code, method: 'scanner', networkId: 'demo-fr' })).toMatchObject({
      ok: true,
      value: { outcome: 'throttled' },
    });
    app.receiveScan({ code: `PU:demo-fr:${code}`, source: 'hid' });
    expect(await app.router.dispatch('pickup.start', { code, method: 'scanner', networkId: 'demo-fr' })).toMatchObject({
      ok: true,
      value: { outcome: 'found' },
    });
    expect(await app.router.dispatch('pickups.liftCodeLock', undefined)).toMatchObject({ ok: true });
    expect(await app.router.dispatch('pickup.start', { code, method: 'keyboard' })).toMatchObject({
      ok: true,
      value: { outcome: 'found' },
    });
  });

  it('classifies a pickup barcode and an unknown code', () => {
    const app = startApp();
    const scans: { classification: unknown }[] = [];
    app.events.subscribe((name, payload) => name === 'scanner.scanned' && scans.push(payload as never));
    app.receiveScan({ code: 'PU:demo-it:123456', source: 'hid' });
    app.receiveScan({ code: 'hello world', source: 'serial' });
    expect(scans.map((s) => s.classification)).toEqual([
      { kind: 'pickup', pickupCode: '123456', networkId: 'demo-it' },
      { kind: 'unknown', reason: expect.any(String) },
    ]);
  });
});
