import { describe, expect, it } from 'vitest';
import { NetworkPoller, type NetworkJob } from '../../../main/app/background/network-poller';
import { ManualClock } from '../../../main/core/clock';

/** A job whose runs the test finishes by hand, one promise per started run. */
function manualJob(ids: string[], retryAfterMs?: number) {
  const runs: { id: string; now: number; finish: () => void; fail: () => void }[] = [];
  const failures: string[] = [];
  const job: NetworkJob = {
    name: 'test-job',
    networks: () => ids,
    dueAt: (_id, now) => now,
    run: (id, now) =>
      new Promise<void>((resolve, reject) => runs.push({ id, now, finish: resolve, fail: () => reject(new Error('down')) })),
    failed: (id) => failures.push(id),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
  return { job, runs, failures };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the per-network poller', () => {
  it('runs each network side by side, one run per network at a time', async () => {
    const clock = new ManualClock(1_000);
    const { job, runs } = manualJob(['a', 'b']);
    const settled: string[] = [];
    const poller = new NetworkPoller(job, clock, (id) => settled.push(id));
    poller.runDue();
    poller.runDue();
    expect(runs.map((r) => r.id)).toEqual(['a', 'b']);
    // While 'a' hangs, the scheduler sees only 'b' once it is free again.
    runs[1]!.finish();
    await settle();
    expect(settled).toEqual(['b']);
    poller.runDue();
    expect(runs.map((r) => r.id)).toEqual(['a', 'b', 'b']);
  });

  it('leaves a network that failed alone for the back-off, unless asked to try at once', async () => {
    const clock = new ManualClock(1_000);
    const { job, runs, failures } = manualJob(['a'], 30_000);
    const poller = new NetworkPoller(job, clock, () => {});
    poller.runDue();
    runs[0]!.fail();
    await settle();
    expect(failures).toEqual(['a']);
    expect(poller.source().nextAt(clock.now())).toBe(31_000);
    poller.runDue();
    expect(runs).toHaveLength(1);
    clock.advance(30_000);
    poller.runDue();
    expect(runs).toHaveLength(2);
    runs[1]!.fail();
    await settle();
    poller.runDue(clock.now(), { ignoreBackoff: true });
    expect(runs).toHaveLength(3);
  });

  it('is idle only once every run is over, a failed one or one started while it waited included', async () => {
    const clock = new ManualClock(1_000);
    const { job, runs } = manualJob(['a', 'b']);
    const poller = new NetworkPoller(job, clock, () => {});
    poller.runDue();
    let idle = false;
    const waiting = poller.idle().then(() => (idle = true));
    runs[0]!.finish();
    await settle();
    poller.runDue();
    runs[1]!.fail();
    await settle();
    expect(idle).toBe(false);
    expect(poller.isIdle).toBe(false);
    runs[2]!.finish();
    await waiting;
    expect(poller.isIdle).toBe(true);
  });

  it('starts nothing after it is closed', () => {
    const { job, runs } = manualJob(['a']);
    const poller = new NetworkPoller(job, new ManualClock(0), () => {});
    poller.close();
    poller.runDue();
    expect(runs).toEqual([]);
  });
});
