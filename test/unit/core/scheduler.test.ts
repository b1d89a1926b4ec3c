import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/core/clock';
import { Scheduler, type DeadlineSource, type Timers } from '../../../main/core/scheduler';

/** Timers the test fires by hand, so nothing depends on real time passing. */
class FakeTimers implements Timers {
  pending: { fn: () => void; ms: number } | undefined;
  setTimeout(fn: () => void, ms: number) {
    this.pending = { fn, ms };
    return this.pending;
  }
  clearTimeout(handle: unknown) {
    if (this.pending === handle) this.pending = undefined;
  }
  async fire() {
    const p = this.pending;
    this.pending = undefined;
    p?.fn();
    await new Promise((r) => setImmediate(r));
  }
}

/** A deadline kept in a variable standing in for a row in SQLite. */
function storedDeadline(at: number | undefined) {
  const ran: number[] = [];
  const state = { at, ran };
  const source: DeadlineSource = {
    name: 'test',
    nextAt: () => state.at,
    run: (now) => {
      ran.push(now);
      state.at = undefined;
    },
  };
  return { state, source };
}

describe('Scheduler', () => {
  it('sleeps until the next stored deadline and runs it then', async () => {
    const clock = new ManualClock(1_000);
    const timers = new FakeTimers();
    const { state, source } = storedDeadline(6_000);
    const scheduler = new Scheduler(clock, [source], undefined, timers);
    scheduler.start();
    await new Promise((r) => setImmediate(r));
    expect(timers.pending?.ms).toBe(5_000);
    expect(state.ran).toEqual([]);
    clock.set(6_000);
    await timers.fire();
    expect(state.ran).toEqual([6_000]);
    scheduler.stop();
  });

  it('never sleeps longer than a minute, so a jump of the clock is noticed', async () => {
    const clock = new ManualClock(0);
    const timers = new FakeTimers();
    const { source } = storedDeadline(24 * 3600_000);
    new Scheduler(clock, [source], undefined, timers).start();
    await new Promise((r) => setImmediate(r));
    expect(timers.pending?.ms).toBe(Scheduler.MAX_SLEEP_MS);
  });

  it('re-reads the deadline on every wake: a deadline moved in the database is honoured', async () => {
    const clock = new ManualClock(0);
    const timers = new FakeTimers();
    const { state, source } = storedDeadline(10_000);
    const scheduler = new Scheduler(clock, [source], undefined, timers);
    scheduler.start();
    await new Promise((r) => setImmediate(r));
    state.at = 2_000;
    await scheduler.poke();
    expect(timers.pending?.ms).toBe(2_000);
  });

  it('runs a deadline that passed while the app was closed as soon as it starts', async () => {
    const clock = new ManualClock(50_000);
    const timers = new FakeTimers();
    const { state, source } = storedDeadline(10_000);
    new Scheduler(clock, [source], undefined, timers).start();
    await new Promise((r) => setImmediate(r));
    expect(state.ran).toEqual([50_000]);
  });

  it('keeps going when one source throws, and reports it', async () => {
    const clock = new ManualClock(0);
    const timers = new FakeTimers();
    const errors: string[] = [];
    const broken: DeadlineSource = {
      name: 'broken',
      nextAt: () => 0,
      run: () => {
        throw new Error('x');
      },
    };
    const { state, source } = storedDeadline(0);
    new Scheduler(clock, [broken, source], (name) => errors.push(name), timers).start();
    await new Promise((r) => setImmediate(r));
    expect(errors).toContain('broken');
    expect(state.ran).toEqual([0]);
  });

  it('backs a failing source off instead of running it again at once, while the others keep their times', async () => {
    const clock = new ManualClock(0);
    const timers = new FakeTimers();
    let runs = 0;
    // Its deadline stays in the past because its run never succeeds: before, the scheduler re-ran it with a 0 ms timer, for ever.
    const broken: DeadlineSource = {
      name: 'broken',
      nextAt: () => 0,
      run: () => {
        runs++;
        throw new Error('bad data');
      },
    };
    const { state, source } = storedDeadline(5_000);
    new Scheduler(clock, [broken, source], () => {}, timers).start();
    await new Promise((r) => setImmediate(r));
    const sleeps: number[] = [];
    for (let i = 0; i < 8; i++) {
      sleeps.push(timers.pending!.ms);
      clock.set(clock.now() + timers.pending!.ms);
      await timers.fire();
    }
    // The other source's deadline at 5 s wakes it in between.
    expect(sleeps).toEqual([1_000, 2_000, 2_000, 2_000, 8_000, 16_000, 32_000, 60_000]);
    expect(runs).toBe(8);
    expect(state.ran).toEqual([5_000]);
  });

  it('retries a failing source at its first-retry pace again once it has succeeded', async () => {
    const clock = new ManualClock(0);
    const timers = new FakeTimers();
    let fail = true;
    const flaky: DeadlineSource = {
      name: 'flaky',
      nextAt: () => 0,
      run: () => {
        if (fail) throw new Error('x');
        fail = true;
      },
    };
    new Scheduler(clock, [flaky], () => {}, timers).start();
    await new Promise((r) => setImmediate(r));
    clock.set(1_000);
    await timers.fire(); // fails again: 2 s
    expect(timers.pending!.ms).toBe(2_000);
    fail = false;
    clock.set(3_000);
    await timers.fire(); // succeeds, then fails at once on the next wake: back to 1 s
    await timers.fire();
    expect(timers.pending!.ms).toBe(1_000);
  });

  it('does nothing after stop', async () => {
    const clock = new ManualClock(0);
    const timers = new FakeTimers();
    const { state, source } = storedDeadline(1_000);
    const scheduler = new Scheduler(clock, [source], undefined, timers);
    scheduler.start();
    await new Promise((r) => setImmediate(r));
    scheduler.stop();
    expect(timers.pending).toBeUndefined();
    clock.set(5_000);
    await scheduler.poke();
    expect(state.ran).toEqual([]);
  });
});
