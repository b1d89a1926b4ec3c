import type { BackoffOptions, Timers } from './backoff';
import { DeviceEmitter } from './device-emitter';
import { createBootKeyboardDecoder, createHidPosAssembler, type BootKeyboardTerminator, type HidPosLayout } from './hid-report-parser';
import { nodeHidBackend, type HidBackend, type HidConnection, type HidDeviceInfo } from './node-hid-backend';
import { createReconnectLoop } from './reconnect-loop';
import type { RawScan } from './scan';
import type { ScannerDevice, ScannerStatus } from './scanner-device';

export { listHidDevices, type HidDeviceInfo, type HidDeviceListing } from './node-hid-backend';

/**
 * What the device sends: 'pos' = HID POS Scanned Data Reports (usage page
 * 0x8C), 'keyboard' = boot-protocol keyboard reports. Note: on Linux and
 * Windows the OS also consumes a keyboard interface as a keyboard (the scan
 * gets typed too) and Windows refuses to open keyboards at all; prefer HID
 * POS mode, or the keyboard wedge for scanners that can only type.
 */
export type HidReportFormat = 'pos' | 'keyboard';

export const USAGE_PAGE_BARCODE_SCANNER = 0x8c;
export const USAGE_PAGE_GENERIC_DESKTOP = 0x01;
export const USAGE_KEYBOARD = 0x06;

export interface HidScannerOptions {
  vendorId: number;
  productId: number;
  /** Pick one of several identical scanners. */
  serialNumber?: string;
  /** Default 'pos'. */
  format?: HidReportFormat;
  /** 'keyboard' only: the key that ends a code. Default 'Enter'. */
  keyboardTerminator?: BootKeyboardTerminator;
  /** 'keyboard' only: the report id before the 8 boot bytes, when the interface numbers its reports. */
  keyboardReportId?: number;
  /** 'pos' only: a device whose report descriptor places the fields differently. */
  posLayout?: HidPosLayout;
  /** Default 'latin1'. */
  encoding?: 'latin1' | 'utf8';
  /** Default `hid:<vid>:<pid>` in 4-digit hex (plus `:<serial>` when given). */
  id?: string;
  onScan?(scan: RawScan): void;
  onStatus?(status: ScannerStatus): void;
  /** Called with the reason each time the status turns 'disconnected' or 'error'. */
  onError?(error: Error): void;
  /** Reconnect / re-poll backoff; default 250 ms doubling up to 5 s. */
  reconnect?: BackoffOptions;
  timers?: Timers;
  /** Default: node-hid. */
  backend?: HidBackend;
}

export interface HidScanner extends ScannerDevice {
  readonly kind: 'hid';
  readonly vendorId: number;
  readonly productId: number;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export type HidPick = { device: HidDeviceInfo } | { device?: undefined; status: ScannerStatus };

/**
 * Chooses the interface to open among what `HID.devices(vid, pid)` listed:
 * the one whose top collection fits the format (usage page 0x8C for 'pos',
 * Generic Desktop / Keyboard for 'keyboard'). When the platform reports no
 * usage pages at all, the first interface with a path is taken.
 */
export function pickHidInterface(
  devices: HidDeviceInfo[],
  wanted: { vendorId: number; productId: number; serialNumber?: string; format: HidReportFormat },
): HidPick {
  const name = `${hex4(wanted.vendorId)}:${hex4(wanted.productId)}`;
  const candidates = devices.filter(
    (d) =>
      d.vendorId === wanted.vendorId &&
      d.productId === wanted.productId &&
      (wanted.serialNumber === undefined || d.serialNumber === wanted.serialNumber) &&
      d.path,
  );
  if (candidates.length === 0)
    return { status: { state: 'disconnected', reason: `HID scanner ${name} not found (unplugged?)`, problem: 'not-found' } };
  const fits = (d: HidDeviceInfo) =>
    wanted.format === 'pos'
      ? d.usagePage === USAGE_PAGE_BARCODE_SCANNER
      : d.usagePage === USAGE_PAGE_GENERIC_DESKTOP && d.usage === USAGE_KEYBOARD;
  const match = candidates.find(fits);
  if (match) return { device: match };
  if (candidates.every((d) => d.usagePage === undefined)) return { device: candidates[0]! };
  const mode = wanted.format === 'pos' ? 'HID POS (usage page 0x8C)' : 'keyboard';
  return {
    status: {
      state: 'error',
      reason: `HID scanner ${name} has no ${mode} interface: set the scanner to that mode, or change the format`,
      problem: 'wrong-mode',
    },
  };
}

class PickFailed extends Error {
  constructor(readonly status: ScannerStatus) {
    super(status.reason);
  }
}

/**
 * A USB barcode scanner read through node-hid, by vendor and product id.
 * Keeps it connected: while it is absent it re-polls the device list with
 * exponential backoff (250 ms → 5 s); when a read fails (unplug) it closes
 * the handle and starts polling again; `close()` stops for good.
 */
export function openHidScanner(options: HidScannerOptions): HidScanner {
  const { vendorId, productId } = options;
  const format = options.format ?? 'pos';
  const id = options.id ?? `hid:${hex4(vendorId)}:${hex4(productId)}${options.serialNumber ? `:${options.serialNumber}` : ''}`;
  const backend = options.backend ?? nodeHidBackend;
  const emitter = new DeviceEmitter(id);
  if (options.onScan) emitter.onScan(options.onScan);
  if (options.onStatus) emitter.onStatus(options.onStatus);

  const assembler = createHidPosAssembler({ layout: options.posLayout, encoding: options.encoding });
  const keyboard = createBootKeyboardDecoder({ terminator: options.keyboardTerminator, reportId: options.keyboardReportId });

  let connection: HidConnection | undefined;
  let closed = false;

  const setStatus = (status: ScannerStatus) => {
    if (emitter.setStatus(status) && status.state !== 'connected' && !closed) options.onError?.(new Error(status.reason ?? status.state));
  };

  const closeQuietly = async (c: HidConnection) => {
    try {
      await c.close();
    } catch {
      // already gone
    }
  };

  const onReport = (report: Buffer) => {
    if (format === 'pos') {
      const scan = assembler.push(report);
      if (!scan) return;
      const raw: RawScan = { code: scan.code, source: 'hid', deviceId: id };
      if (scan.symbology) raw.symbology = scan.symbology;
      emitter.emitScan(raw);
    } else {
      const code = keyboard.push(report);
      if (code) emitter.emitScan({ code, source: 'hid', deviceId: id });
    }
  };

  const lose = (current: HidConnection, reason: string) => {
    if (connection !== current) return;
    connection = undefined;
    assembler.reset();
    keyboard.reset();
    void closeQuietly(current);
    if (closed) return;
    setStatus({ state: 'disconnected', reason, problem: 'lost' });
    loop.lost();
  };

  const connect = async () => {
    const pick = pickHidInterface(await backend.devices(vendorId, productId), {
      vendorId,
      productId,
      serialNumber: options.serialNumber,
      format,
    });
    if (!pick.device) throw new PickFailed(pick.status);
    const opened = await backend.open(pick.device.path!);
    if (closed) {
      await closeQuietly(opened);
      return;
    }
    assembler.reset();
    keyboard.reset();
    connection = opened;
    opened.on('data', (report) => {
      if (connection === opened) onReport(report);
    });
    opened.on('error', (error) => lose(opened, `HID scanner ${id} disconnected: ${error.message}`));
    setStatus({ state: 'connected' });
  };

  const loop = createReconnectLoop({
    ...options.reconnect,
    timers: options.timers,
    connect,
    onAttemptFailed: (error) => {
      if (error instanceof PickFailed) setStatus(error.status);
      else
        setStatus({
          state: 'error',
          reason: `cannot open HID scanner ${id}: ${error instanceof Error ? error.message : String(error)}`,
          problem: 'cannot-open',
        });
    },
  });
  loop.start();

  return {
    id,
    kind: 'hid',
    vendorId,
    productId,
    get status() {
      return emitter.status;
    },
    onScan: (listener) => emitter.onScan(listener),
    onStatus: (listener) => emitter.onStatus(listener),
    async close() {
      if (closed) return;
      closed = true;
      loop.stop();
      const current = connection;
      connection = undefined;
      if (current) await closeQuietly(current);
      emitter.setStatus({ state: 'disconnected', reason: 'closed', problem: 'closed' });
      emitter.clear();
    },
  };
}
