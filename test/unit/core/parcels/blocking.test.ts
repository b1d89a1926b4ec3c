import { describe, expect, it } from 'vitest';
import { DAY, HOUR, receiveAll, scanner, useCounter } from '../../../fixtures/counter';

const { start } = useCounter();

describe("the counter's running deadlines", () => {
  it('puts the earliest first whatever its kind, blocks on it, and wakes for the next one still ahead', async () => {
    const { core, clock } = await start();
    const { blocking, deliveries, expiry } = core.counter;
    receiveAll(core, 'demo-fr');
    await core.counter.pullManifest('demo-fr', core.adapters.demo!);
    clock.advance(14 * DAY);
    core.db.prepare("UPDATE networks SET policy_json = json_set(policy_json, '$.intakeWindowMinutes', 240) WHERE id = 'demo-fr'").run();
    const t0 = clock.now();
    // The intake opened first but ends later (4 hours) than the expired-parcel scan raised after it (2 hours).
    const delivery = deliveries.handOver('demo-fr', scanner);
    expiry.sweep();
    expect(blocking.deadlines().map((d) => [d.kind, d.deadlineAt])).toEqual([
      ['expired-scan', t0 + 2 * HOUR],
      ['intake', delivery.intake_deadline_at],
    ]);
    expect(delivery.intake_deadline_at).toBe(t0 + 4 * HOUR);
    expect(blocking.nextDeadlineAt()).toBe(t0 + 2 * HOUR);
    clock.set(t0 + 2 * HOUR);
    expect(blocking.current()?.kind).toBe('expired-scan');
    expect(blocking.nextDeadlineAt()).toBe(t0 + 4 * HOUR);
    clock.set(t0 + 4 * HOUR);
    expect(blocking.current()?.kind).toBe('expired-scan');
    expect(blocking.nextDeadlineAt()).toBeUndefined();
  });
});
