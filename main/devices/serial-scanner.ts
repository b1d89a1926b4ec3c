import { SerialPort } from 'serialport';
import type { BackoffOptions, Timers } from './backoff';
import { DeviceEmitter } from './device-emitter';
import { createLineSplitter, type ScanTextEncoding, type SerialTerminator } from './line-splitter';
import { createReconnectLoop } from './reconnect-loop';
import type { RawScan } from './scan';
import type { ScannerDevice, ScannerStatus } from './scanner-device';

export { listSerialPorts, type SerialPortInfo, type SerialPortListing } from './serial-port-list';
export type { SerialTerminator } from './line-splitter';

/** The part of a serialport stream the driver uses (SerialPort and SerialPortMock both fit). */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: (error?: Error | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export interface SerialScannerOptions {
  /** e.g. /dev/ttyACM0, /dev/serial/by-id/..., COM3. */
  path: string;
  /** Default 9600 (ignored by USB-CDC scanners, needed by real RS-232 ones). */
  baudRate?: number;
  /** What ends one code. Default 'ANY': CR, LF or CR LF. */
  terminator?: SerialTerminator;
  /** Default 'latin1'. */
  encoding?: ScanTextEncoding;
  /** Default `serial:<path>`. */
  id?: string;
  onScan?(scan: RawScan): void;
  onStatus?(status: ScannerStatus): void;
  /** Called with the reason each time the status turns 'disconnected' or 'error' (for a log line). */
  onError?(error: Error): void;
  /** Reconnect backoff; default 250 ms doubling up to 5 s. */
  reconnect?: BackoffOptions;
  timers?: Timers;
  /** Makes the port object (tests: SerialPortMock). Default: `new SerialPort({ path, baudRate, autoOpen: false })`. */
  createPort?(options: { path: string; baudRate: number }): SerialPortLike;
}

export interface SerialScanner extends ScannerDevice {
  readonly kind: 'serial';
  readonly path: string;
}

const defaultCreatePort = (options: { path: string; baudRate: number }): SerialPortLike =>
  new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false });

function openFailureStatus(path: string, error: unknown): ScannerStatus {
  const message = error instanceof Error ? error.message : String(error);
  if (/no such file|ENOENT|cannot find|not found|file not found/i.test(message)) {
    return { state: 'disconnected', reason: `${path} not found (unplugged?)` };
  }
  return { state: 'error', reason: `cannot open ${path}: ${message}` };
}

/**
 * A serial (or USB-CDC) barcode scanner: each line it sends is one scan.
 * Opens right away and keeps trying: when the port cannot be opened, or
 * closes (unplugged), it reconnects with exponential backoff until `close()`.
 * The first status event comes from the first open attempt.
 */
export function openSerialScanner(options: SerialScannerOptions): SerialScanner {
  const path = options.path;
  const id = options.id ?? `serial:${path}`;
  const baudRate = options.baudRate ?? 9600;
  const createPort = options.createPort ?? defaultCreatePort;
  const emitter = new DeviceEmitter(id);
  const splitter = createLineSplitter({ terminator: options.terminator ?? 'ANY', encoding: options.encoding ?? 'latin1' });
  if (options.onScan) emitter.onScan(options.onScan);
  if (options.onStatus) emitter.onStatus(options.onStatus);

  let port: SerialPortLike | undefined;
  let closed = false;

  const setStatus = (status: ScannerStatus) => {
    if (emitter.setStatus(status) && status.state !== 'connected' && !closed) {
      options.onError?.(new Error(status.reason ?? status.state));
    }
  };

  const lose = (current: SerialPortLike, reason: string) => {
    if (port !== current) return; // already handled
    port = undefined;
    current.removeAllListeners();
    current.on('error', () => {}); // a late error from a dead port must not become an uncaught 'error' event
    if (current.isOpen) current.close(() => {});
    splitter.reset();
    if (closed) return;
    setStatus({ state: 'disconnected', reason });
    loop.lost();
  };

  const attach = (current: SerialPortLike) => {
    current.on('data', (chunk: Buffer) => {
      if (port !== current) return;
      for (const code of splitter.push(chunk)) emitter.emitScan({ code, source: 'serial', deviceId: id });
    });
    current.on('close', (error?: Error | null) => {
      lose(current, error ? `${path} disconnected: ${error.message}` : `${path} closed`);
    });
    current.on('error', (error: Error) => {
      lose(current, `${path} failed: ${error.message}`);
    });
  };

  const connect = () =>
    new Promise<void>((resolve, reject) => {
      let candidate: SerialPortLike;
      try {
        candidate = createPort({ path, baudRate });
      } catch (error) {
        reject(error);
        return;
      }
      candidate.on('error', () => {}); // open errors arrive through the callback
      candidate.open((error) => {
        if (error) {
          candidate.removeAllListeners();
          reject(error);
          return;
        }
        if (closed) {
          candidate.removeAllListeners();
          candidate.close(() => resolve());
          return;
        }
        candidate.removeAllListeners();
        splitter.reset();
        port = candidate;
        attach(candidate);
        setStatus({ state: 'connected' });
        resolve();
      });
    });

  const loop = createReconnectLoop({
    ...options.reconnect,
    timers: options.timers,
    connect,
    onAttemptFailed: (error) => setStatus(openFailureStatus(path, error)),
  });
  loop.start();

  return {
    id,
    kind: 'serial',
    path,
    get status() {
      return emitter.status;
    },
    onScan: (listener) => emitter.onScan(listener),
    onStatus: (listener) => emitter.onStatus(listener),
    async close() {
      if (closed) return;
      closed = true;
      loop.stop();
      const current = port;
      port = undefined;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => {});
        if (current.isOpen) await new Promise<void>((resolve) => current.close(() => resolve()));
      }
      emitter.setStatus({ state: 'disconnected', reason: 'closed' });
      emitter.clear();
    },
  };
}
