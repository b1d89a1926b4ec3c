import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { ABANDONED_FLOW_MS } from '../../../../main/core/updates/update-readiness';
import { HOUR, MINUTE, keyboard, receiveAll, scanner, useCounter } from '../../../fixtures/counter';

const { start, restart, demoParcel } = useCounter();

/** Open every day 08:00-12:00 and 14:00-19:00 in the store's zone. */
function openDaily(core: CounterCore) {
  const day = [
    { opens: '08:00', closes: '12:00' },
    { opens: '14:00', closes: '19:00' },
  ];
  expect(core.hours.save({ week: Array.from({ length: 7 }, () => day), exceptions: [] }).issues).toEqual([]);
}

describe('update readiness, read from the counter', () => {
  it('is quiet with no flow, no deadline and the shop closed', async () => {
    const { core } = await start();
    expect(core.updateReadiness.now()).toEqual({ openFlow: false, runningDeadline: false, insideOpeningHours: false });
  });

  it('sees an open pickup until it is done, and forgets one abandoned for 30 minutes', async () => {
    const { core, clock } = await start();
    receiveAll(core, 'demo-fr');
    const started = core.counter.pickups.start(demoParcel('demo-fr', 1).pickupCode, keyboard);
    if (started.outcome !== 'found') throw new Error('no pickup');
    expect(core.updateReadiness.now().openFlow).toBe(true);
    clock.advance(ABANDONED_FLOW_MS - MINUTE);
    expect(core.updateReadiness.now().openFlow).toBe(true);
    clock.advance(MINUTE);
    expect(core.updateReadiness.now().openFlow).toBe(false);

    const again = core.counter.pickups.start(demoParcel('demo-fr', 1).pickupCode, keyboard);
    if (again.outcome !== 'found') throw new Error('no pickup');
    for (const item of core.counter.pickups.items(again.pickupId))
      core.counter.pickups.scan(again.pickupId, item.parcel.tracking_id, scanner);
    core.counter.pickups.complete(again.pickupId, scanner);
    expect(core.updateReadiness.now().openFlow).toBe(false);
  });

  it('sees an open delivery as a flow and its intake window as a running deadline, also after a restart', async () => {
    const { core, clock, dir } = await start();
    const delivery = core.counter.deliveries.handOver('demo-fr', scanner);
    expect(delivery.intake_deadline_at).not.toBeNull();
    const reopened = restart(core, dir, clock);
    expect(reopened.updateReadiness.now()).toMatchObject({ openFlow: true, runningDeadline: true });
    // Past the window the flow is stale but the deadline still runs (the counter is blocked).
    clock.advance(2 * HOUR);
    expect(reopened.updateReadiness.now()).toMatchObject({ openFlow: false, runningDeadline: true });
  });

  it("knows the shop's opening hours in its own time zone", async () => {
    const { core, clock } = await start();
    openDaily(core);
    const zone = core.store.timeZone();
    const localHour = () =>
      Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(clock.now()));
    const inside = (hour: number) => (hour >= 8 && hour < 12) || (hour >= 14 && hour < 19);
    for (let i = 0; i < 24; i++) {
      expect(core.updateReadiness.now().insideOpeningHours, `at ${localHour()}:00 local`).toBe(inside(localHour()));
      clock.advance(HOUR);
    }
  });
});

describe('update settings', () => {
  it('keeps the channel, and a choice only for the download it was made for', async () => {
    const { core } = await start();
    expect(core.updates.channel()).toBe('stable');
    core.updates.setChannel('beta');
    core.updates.downloaded({ version: '1.2.0', notes: 'Faster pickups' });
    core.updates.choose('restart-now');
    core.updates.downloaded({ version: '1.2.0', notes: 'Faster pickups' });
    expect(core.updates.staffChoice()).toBe('restart-now');
    core.updates.downloaded({ version: '1.3.0', notes: 'Even faster' });
    expect(core.updates.staffChoice()).toBe('none');
    expect(core.updates.channel()).toBe('beta');
  });

  it('shows the notes of a downloaded version once it runs, until staff read them', async () => {
    const { core, clock, dir } = await start();
    core.updates.downloaded({ version: '1.2.0', notes: 'Faster pickups' });
    expect(core.updates.releaseNotes('1.1.0')).toBeNull();
    const reopened = restart(core, dir, clock);
    expect(reopened.updates.releaseNotes('1.2.0')).toEqual({ version: '1.2.0', notes: 'Faster pickups' });
    reopened.updates.releaseNotesSeen('1.2.0');
    expect(reopened.updates.releaseNotes('1.2.0')).toBeNull();
  });
});
