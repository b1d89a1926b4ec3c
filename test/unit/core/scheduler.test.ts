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
    const broken: DeadlineSource = { name: 'broken', nextAt: () => 0, run: () => { throw new Error('x'); } };
    const { state, source } = storedDeadline(0);
    new Scheduler(clock, [broken, source], (name) => errors.push(name), timers).start();
    await new Promise((r) => setImmediate(r));
    expect(errors).toContain('broken');
    expect(state.ran).toEqual([0]);
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
