import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCounterApp, type CounterApp } from '../../../main/app/start';
import { ManualClock } from '../../../main/core/clock';
import { createLineSplitter } from '../../../main/devices/line-splitter';
import { TEST_START } from '../../fixtures/core';
import { SocatLine } from './socat';

const encode = (text: string) => new TextEncoder().encode(text);

describe("the 'ANY' line end", () => {
  it('ends a code at CR, at LF and at CR LF, also when the pair is cut between two chunks', () => {
    const splitter = createLineSplitter({ terminator: 'ANY' });
    expect(splitter.push(encode('ONE\rTWO\nTHREE\r\nFOUR\r'))).toEqual(['ONE', 'TWO', 'THREE', 'FOUR']);
    expect(splitter.push(encode('\nFIVE\r'))).toEqual(['FIVE']);
    expect(splitter.push(encode('\nSIX'))).toEqual([]);
    expect(splitter.push(encode('\n'))).toEqual(['SIX']);
  });
});

describe('--serial on a real pty (socat)', () => {
  let app: CounterApp | undefined;
  let line: SocatLine | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    app?.close();
    await line?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads codes ended by CR, by LF and by CR LF without being told which', async () => {
    dir = mkdtempSync(join(tmpdir(), 'opencounter-serial-ends-'));
    const socat = new SocatLine(join(dir, 'A'), join(dir, 'B'));
    line = socat;
    await socat.start();
    // What `npm run serve -- --serial <path>` starts.
    app = startCounterApp({ dataDir: dir, clock: new ManualClock(TEST_START), version: 'x', log: () => {}, serialPaths: [socat.a] });
    const codes: string[] = [];
    app.events.subscribe((name, payload) => name === 'scanner.scanned' && codes.push((payload as { code: string }).code));
    await vi.waitFor(() => expect(app!.scanners?.list().find((s) => s.id === `serial:${socat.a}`)?.status.state).toBe('connected'), {
      timeout: 5_000,
    });
    socat.write('QC0000000001\r');
    socat.write('QC0000000002\n');
    socat.write('QC0000000003\r\n');
    await vi.waitFor(() => expect(codes).toEqual(['QC0000000001', 'QC0000000002', 'QC0000000003']), { timeout: 5_000 });
  });
});
