import { describe, expect, it } from 'vitest';
import { passDemoDays } from '../../../../main/core/parcels/training';
import { DAY, receiveAll, useCounter } from '../../../fixtures/counter';

const { start } = useCounter();

describe('training time on the demo networks', () => {
  it('ages parcels on the shelf by the days asked, so staff see them expire without waiting', async () => {
    const { core } = await start();
    const parcels = receiveAll(core, 'demo-fr');
    const [first] = parcels;
    passDemoDays(core.db, 3);
    expect(core.counter.parcels.byId(first!.id)).toMatchObject({
      received_at: first!.received_at! - 3 * DAY,
      expires_at: first!.expires_at! - 3 * DAY,
      return_ready_at: null,
    });
    expect(core.counter.expiry.sweep()).toBe(0);
    passDemoDays(core.db, 11);
    expect(core.counter.expiry.sweep()).toBe(parcels.length);
    expect(core.counter.parcels.byId(first!.id).state).toBe('expired');
  });
});
