import { describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../../main/devices/line-splitter';
import { listSerialPorts } from '../../../main/devices/serial-port-list';

const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('serial line splitter', () => {
  it('splits on CR, across chunk boundaries, skipping blank lines and a stray LF', () => {
    const split = createLineSplitter({ terminator: 'CR' });
    expect(split.push(bytes('QC00000'))).toEqual([]);
    expect(split.push(bytes('00001\rJJD0003\r\n\r'))).toEqual(['QC0000000001', 'JJD0003']);
    expect(split.push(bytes('\nNEXT\r'))).toEqual(['NEXT']);
  });

  it('splits on LF (tolerating CR LF) and on CR LF', () => {
    expect(createLineSplitter({ terminator: 'LF' }).push(bytes('A1\nB2\r\n'))).toEqual(['A1', 'B2']);
    const crlf = createLineSplitter({ terminator: 'CRLF' });
    expect(crlf.push(bytes('ONE\r'))).toEqual(['ONE']);
    expect(crlf.push(bytes('\nTWO\r\n'))).toEqual(['TWO']);
    // With LF as terminator, a bare CR is not an end of code.
    expect(createLineSplitter({ terminator: 'LF' }).push(bytes('X\rY\n'))).toEqual(['X\rY']);
  });

  it('keeps control characters inside a code (GS1 group separator) and maps bytes 1:1 in latin1', () => {
    const split = createLineSplitter({ terminator: 'CR' });
    expect(split.push(Buffer.from([0x30, 0x31, 0x1d, 0x31, 0x30, 0x80, 0xe9, 0x0d]))).toEqual(['01\u001d10\u0080é']);
  });

  it('decodes UTF-8 whose bytes arrive in two chunks', () => {
    const split = createLineSplitter({ terminator: 'CR', encoding: 'utf8' });
    const all = Buffer.from('CAFÉ-ß\r', 'utf8');
    expect(split.push(all.subarray(0, 4))).toEqual([]);
    expect(split.push(all.subarray(4))).toEqual(['CAFÉ-ß']);
  });

  it('discards an overlong line and recovers at the next terminator; reset() drops a partial line', () => {
    const split = createLineSplitter({ terminator: 'CR', maxBytes: 8 });
    expect(split.push(bytes('0123456789ABCDEF\rOK\r'))).toEqual(['OK']);
    split.push(bytes('HALF'));
    split.reset();
    expect(split.push(bytes('WHOLE\r'))).toEqual(['WHOLE']);
  });
});

describe('listSerialPorts', () => {
  it('returns the ports when listing works', async () => {
    const listing = await listSerialPorts({
      list: async () => [{ path: '/dev/ttyACM0', manufacturer: 'Honeywell', vendorId: '0c2e', productId: '0b61', serialNumber: '' }],
    });
    expect(listing).toEqual({ ports: [{ path: '/dev/ttyACM0', manufacturer: 'Honeywell', vendorId: '0c2e', productId: '0b61' }] });
  });

  it('returns [] and the reason instead of throwing when listing fails (no udevadm)', async () => {
    const listing = await listSerialPorts({
      list: async () => {
        throw new Error('spawn udevadm ENOENT');
      },
    });
    expect(listing).toEqual({ ports: [], reason: 'cannot list serial ports: spawn udevadm ENOENT' });
    const sync = await listSerialPorts({
      list: () => {
        throw new Error('boom');
      },
    });
    expect(sync.ports).toEqual([]);
  });

  it('gives up when listing hangs', async () => {
    const listing = await listSerialPorts({ timeoutMs: 20, list: () => new Promise(() => {}) });
    expect(listing.ports).toEqual([]);
    expect(listing.reason).toMatch(/longer than 20 ms/);
  });

  it('lists this machine without throwing', async () => {
    const listing = await listSerialPorts();
    expect(Array.isArray(listing.ports)).toBe(true);
    if (listing.reason) expect(listing.ports).toEqual([]);
  });
});
