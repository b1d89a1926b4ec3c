import { afterEach, describe, expect, it } from 'vitest';
import { startCounterApp, type CounterApp } from '../../../../main/app/start';
import { ManualClock } from '../../../../main/core/clock';
import { TEST_START } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
let app: CounterApp | undefined;
afterEach(() => app?.close());

describe('the duplicate-scan filter of the app', () => {
  it('compares the normalised code: the same label in another case, prefix or ending within 1 s counts once', () => {
    const clock = new ManualClock(TEST_START);
    app = startCounterApp({ dataDir: tempDir(), clock, version: 'x', log: () => {} });
    const scanned: string[] = [];
    app.events.subscribe((name, payload) => name === 'scanner.scanned' && scanned.push((payload as { code: string }).code));
    const scan = (code: string) => app!.receiveScan({ code, source: 'serial', deviceId: 'serial:/dev/ttyACM0' });

    scan('QC0000000055');
    clock.advance(400);
    scan('qc0000000055');
    expect(scanned).toEqual(['QC0000000055']);

    clock.advance(2_000);
    scan(']C0QC0000000056\r');
    clock.advance(400);
    scan('qc0000000056');
    expect(scanned).toEqual(['QC0000000055', ']C0QC0000000056\r']);

    // Another label, or the same one a second later, is a scan of its own.
    clock.advance(1_000);
    scan('qc0000000056');
    expect(scanned).toEqual(['QC0000000055', ']C0QC0000000056\r', 'qc0000000056']);
  });
});
