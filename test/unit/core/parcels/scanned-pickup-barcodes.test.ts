import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../main/core/clock';
import { ScannedPickupBarcodes } from '../../../../main/core/parcels/scanned-pickup-barcodes';

const MINUTE = 60_000;

describe('the proof that main itself read a pickup barcode', () => {
  it('holds for two minutes to the millisecond, once, for that network and code only', () => {
    const clock = new ManualClock(1_000_000);
    const seen = new ScannedPickupBarcodes(clock);
    seen.remember('demo-it', '123456');
    expect(seen.take('demo-fr', '123456')).toBe(false);
    expect(seen.take('demo-it', '654321')).toBe(false);
    clock.advance(2 * MINUTE);
    expect(seen.take('demo-it', '123456')).toBe(true);
    expect(seen.take('demo-it', '123456')).toBe(false);

    seen.remember('demo-it', '123456');
    clock.advance(2 * MINUTE + 1);
    expect(seen.take('demo-it', '123456')).toBe(false);
  });

  it('remembers the last 64 scans, dropping the oldest first', () => {
    const clock = new ManualClock(1_000_000);
    const seen = new ScannedPickupBarcodes(clock);
    const code = (i: number) => String(100_000 + i);
    for (let i = 0; i < 65; i++) seen.remember('demo-it', code(i));
    expect(seen.take('demo-it', code(0))).toBe(false);
    for (let i = 1; i < 65; i++) expect(seen.take('demo-it', code(i)), code(i)).toBe(true);
  });

  it('forgets old scans even when nothing is taken', () => {
    const clock = new ManualClock(1_000_000);
    const seen = new ScannedPickupBarcodes(clock);
    for (let i = 0; i < 64; i++) seen.remember('demo-it', String(200_000 + i));
    clock.advance(3 * MINUTE);
    // Had the old scans stayed, this fresh one would push out the oldest of them, not survive beside them.
    seen.remember('demo-it', '999999');
    for (let i = 0; i < 63; i++) seen.remember('demo-fr', String(300_000 + i));
    expect(seen.take('demo-it', '999999')).toBe(true);
  });
});
