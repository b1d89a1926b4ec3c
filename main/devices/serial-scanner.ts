import { ReadlineParser } from '@serialport/parser-readline';
import { SerialPort } from 'serialport';
import type { RawScan } from './scan';

export interface SerialScannerOptions {
  path: string;
  baudRate?: number;
  /** Bytes that end one barcode; most scanners send CR, some CR LF. */
  delimiter?: string;
  onScan(scan: RawScan): void;
  onError?(error: Error): void;
}

/** A serial (or USB-CDC) barcode scanner: each line it sends is one scan. */
export function openSerialScanner(options: SerialScannerOptions): { close(): Promise<void> } {
  const port = new SerialPort({ path: options.path, baudRate: options.baudRate ?? 9600 });
  const lines = port.pipe(new ReadlineParser({ delimiter: options.delimiter ?? '\r', encoding: 'latin1' }));
  lines.on('data', (line: string) => {
    const code = line.replace(/[\r\n]/g, '').trim();
    if (code) options.onScan({ code, source: 'serial' });
  });
  port.on('error', (error) => options.onError?.(error));
  return {
    close: () =>
      new Promise((resolve) => {
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
