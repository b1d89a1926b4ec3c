import { describe, expect, it } from 'vitest';
import { createBackoff } from '../../../main/devices/backoff';
import { createReconnectLoop } from '../../../main/devices/reconnect-loop';
import { ManualTimers } from './manual-timers';

describe('backoff', () => {
  it('doubles from 250 ms up to a 5 s cap, and resets', () => {
    const backoff = createBackoff();
    expect(Array.from({ length: 8 }, () => backoff.next())).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    backoff.reset();
    expect(backoff.next()).toBe(250);
  });
});

describe('reconnect loop', () => {
  it('retries a failing connect with growing delays, resets after success, and stops for good', async () => {
    const timers = new ManualTimers();
    const attempts: number[] = [];
    let succeed = false;
    const failures: number[] = [];
    const loop = createReconnectLoop({
      timers,
      connect: async () => {
        attempts.push(timers.now);
        if (!succeed) throw new Error('absent');
      },
      onAttemptFailed: (_error, retryInMs) => failures.push(retryInMs),
    });
    loop.start();
    await timers.advance(0);
    await timers.advance(3800); // attempts at 0, 250, 750, 1750, 3750
    expect(attempts).toEqual([0, 250, 750, 1750, 3750]);
    expect(failures).toEqual([250, 500, 1000, 2000, 4000]);

    succeed = true;
    await timers.advance(4000); // next at 7750 succeeds; now = 7800
    expect(attempts.at(-1)).toBe(7750);
    expect(timers.pendingDelays()).toEqual([]); // connected: nothing scheduled

    // Lost: first retry after the initial delay again, not 5 s.
    succeed = false;
    loop.lost();
    expect(timers.pendingDelays()).toEqual([250]);
    await timers.advance(250);
    expect(attempts.at(-1)).toBe(7800 + 250);

    loop.stop();
    expect(timers.pendingDelays()).toEqual([]);
    const count = attempts.length;
    loop.lost();
    loop.start();
    await timers.advance(20_000);
    expect(attempts.length).toBe(count);
  });

  it('goes round again when the connection drops while connect() is still settling', async () => {
    const timers = new ManualTimers();
    let calls = 0;
    const loop = createReconnectLoop({
      timers,
      connect: async () => {
        calls++;
        if (calls === 1) loop.lost(); // e.g. the device errored right after opening
      },
    });
    loop.start();
    await timers.advance(0);
    expect(timers.pendingDelays()).toEqual([250]);
    await timers.advance(250);
    expect(calls).toBe(2);
  });
});
