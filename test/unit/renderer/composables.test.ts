import { describe, expect, it } from 'vitest';
import { useBusyAction } from '../../../renderer/ui/busy-action';
import { formatRemaining, groupTrackingId } from '../../../renderer/ui/format';

describe('formatRemaining', () => {
  it('shows minutes and seconds, hours only when there are any, and never a negative time', () => {
    expect(formatRemaining(30 * 60_000)).toBe('30:00');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(2 * 3600_000 - 1000)).toBe('1:59:59');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-5000)).toBe('0:00');
  });
});

describe('groupTrackingId', () => {
  it('groups a tracking ID by four characters, with no trailing space', () => {
    expect(groupTrackingId('QC1234567890')).toBe('QC12 3456 7890');
    expect(groupTrackingId('IT12345')).toBe('IT12 345');
    expect(groupTrackingId('ABCD')).toBe('ABCD');
  });
});

describe('useBusyAction', () => {
  it('is busy while the action runs, ignores a second press meanwhile, and frees itself after a failure', async () => {
    const { busy, run } = useBusyAction();
    let finish!: (value: string) => void;
    const first = run(() => new Promise<string>((resolve) => (finish = resolve)));
    expect(busy.value).toBe(true);
    let ran = false;
    expect(
      await run(async () => {
        ran = true;
      }),
    ).toBeUndefined();
    expect(ran).toBe(false);
    finish('done');
    expect(await first).toBe('done');
    expect(busy.value).toBe(false);
    await expect(run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(busy.value).toBe(false);
  });
});
