import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawScan } from '../../../main/devices/scan';
import type { ScannerStatus } from '../../../main/devices/scanner-device';
import { openSerialScanner, type SerialScanner } from '../../../main/devices/serial-scanner';
import { SocatLine } from './socat';

/** Resolves with the first value of `list` at index >= `from` that matches, or rejects after timeoutMs. */
function seen<T>(list: T[], from: number, match: (value: T) => boolean, timeoutMs = 2000): Promise<T> {
  const start = from;
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const check = () => {
      const found = list.slice(start).find(match);
      if (found !== undefined) return resolve(found);
      if (Date.now() > deadline)
        return reject(new Error(`timed out; saw ${JSON.stringify(list.slice(start))}; statuses ${JSON.stringify(statusLog)}`));
      setTimeout(check, 5);
    };
    check();
  });
}

// Every status of the current test with its time, for the failure message of a run that goes wrong.
let statusLog: string[] = [];

describe('serial scanner on a real pty pair (socat)', () => {
  let dir: string;
  let line: SocatLine;
  let scanner: SerialScanner | undefined;
  let scans: RawScan[];
  let statuses: ScannerStatus[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opencounter-serial-'));
    line = new SocatLine(join(dir, 'A'), join(dir, 'B'));
    scans = [];
    statuses = [];
    statusLog = [];
  });

  afterEach(async () => {
    await scanner?.close();
    scanner = undefined;
    await line.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (terminator?: 'CR' | 'LF' | 'CRLF') => {
    scanner = openSerialScanner({
      path: line.a,
      terminator,
      onScan: (scan) => scans.push(scan),
      onStatus: (status) => {
        statuses.push(status);
        statusLog.push(`${Date.now() % 100000} ${status.state} ${'reason' in status ? status.reason : ''}`);
      },
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    });
    return scanner;
  };

  it('delivers a CR-terminated label, survives unplug and replug, and stops reconnecting after close', async () => {
    await line.start();
    const device = open();
    await seen(statuses, 0, (s) => s.state === 'connected');
    expect(device.status).toEqual({ state: 'connected' });

    line.write('QC0000000001\r');
    expect(await seen(scans, 0, () => true)).toEqual({ code: 'QC0000000001', source: 'serial', deviceId: `serial:${line.a}` });

    // Unplug.
    const mark = statuses.length;
    await line.stop();
    const down = await seen(statuses, mark, (s) => s.state !== 'connected');
    expect(down.state).toBe('disconnected');
    expect(down.reason).toMatch(/disconnected|closed/);
    expect(down.problem).toBe('lost');

    // Stays down while the device is away (retries fail with "not found").
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(device.status.state).toBe('disconnected');

    // Replug: same links, new ptys.
    const beforeReplug = statuses.length;
    await line.start();
    await seen(statuses, beforeReplug, (s) => s.state === 'connected', 3000);
    line.write('QC0000000002\r');
    expect((await seen(scans, 0, (s) => s.code === 'QC0000000002')).source).toBe('serial');
    expect(scans.map((s) => s.code)).toEqual(['QC0000000001', 'QC0000000002']);

    // close() stops reconnecting: unplug and replug, and nothing reconnects.
    await device.close();
    expect(device.status).toEqual({ state: 'disconnected', reason: 'closed', problem: 'closed' });
    const countAtClose = statuses.length;
    await line.stop();
    await line.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(statuses.length).toBe(countAtClose);
    expect(device.status.state).toBe('disconnected');
  });

  it('starts before the device exists and connects when it appears', async () => {
    open();
    const first = await seen(statuses, 0, () => true);
    expect(first).toEqual({ state: 'disconnected', reason: `${line.a} not found (unplugged?)`, problem: 'not-found' });
    await line.start();
    await seen(statuses, 0, (s) => s.state === 'connected', 3000);
    line.write('ABC123\r');
    expect((await seen(scans, 0, () => true)).code).toBe('ABC123');
  });

  it('close() while the device is away cancels the pending retries', async () => {
    let attempts = 0;
    scanner = openSerialScanner({
      path: line.a,
      reconnect: { initialDelayMs: 10, maxDelayMs: 10 },
      onStatus: (status) => statuses.push(status),
      createPort: (options) => {
        attempts++;
        return new SerialPort({ ...options, autoOpen: false });
      },
    });
    await seen(statuses, 0, (s) => s.state === 'disconnected');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(attempts).toBeGreaterThan(1); // it was retrying
    await scanner.close();
    const count = attempts;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(attempts).toBe(count);
  });

  it('splits on CRLF and on LF as configured, several labels in one write', async () => {
    await line.start();
    open('CRLF');
    await seen(statuses, 0, (s) => s.state === 'connected');
    line.write('ONE\r\nTWO\r\n');
    await seen(scans, 0, (s) => s.code === 'TWO');
    expect(scans.map((s) => s.code)).toEqual(['ONE', 'TWO']);
    await scanner?.close();

    scans.length = 0;
    statuses.length = 0;
    open('LF');
    await seen(statuses, 0, (s) => s.state === 'connected');
    line.write('THREE\nFOUR\n');
    await seen(scans, 0, (s) => s.code === 'FOUR');
    expect(scans.map((s) => s.code)).toEqual(['THREE', 'FOUR']);
  });
});
