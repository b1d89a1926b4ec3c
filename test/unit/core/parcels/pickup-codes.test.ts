import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoParcel } from '../../../../main/core/networks/demo-network';
import { DAY, keyboard, receiveAll, scanner, useCounter } from '../../../fixtures/counter';
import { scriptedNetwork } from '../../../fixtures/manifest-network';

const { start } = useCounter();

const customer = demoParcel('demo-fr', 0);

describe('pickup codes at rest', () => {
  it('are the HMAC of the store’s pickup-code key, so codes a database already holds keep opening their parcels', async () => {
    const { core } = await start();
    const key = core.db.prepare("SELECT secret FROM store_keys WHERE name = 'pickup-code'").pluck().get() as Buffer;
    const stored = core.db.prepare('SELECT pickup_code_hash FROM parcels WHERE tracking_id = ?').pluck().get(customer.trackingId) as Buffer;
    expect(stored).toEqual(createHmac('sha256', key).update(`pickup-code:${customer.pickupCode}`).digest());
  });
});

describe('a store too large for any wrong typed code', () => {
  it('locks typed codes for a whole retention period from the start; only a barcode main read opens, and only when scanned', async () => {
    const { core, clock } = await start();
    // 10 000 codes live at once leave no wrong code under a 1 % chance of a hit.
    await core.counter.pull('demo-fr', scriptedNetwork([{ items: [], policy: { capacity: 10_000 }, cursor: 'big' }]));
    receiveAll(core, 'demo-fr');
    const { pickups, pickupBarcodes } = core.counter;
    const longestRetention = Math.max(...core.networks.list().map((n) => n.policy.retentionDays));
    expect(pickups.start(customer.pickupCode, keyboard)).toEqual({
      outcome: 'throttled',
      lockedUntil: clock.now() + longestRetention * DAY,
    });

    pickupBarcodes.remember('demo-fr', customer.pickupCode);
    // Typed with the network named, it is still typed: the scan main read is kept for the scanner.
    expect(pickups.start(customer.pickupCode, keyboard, 'demo-fr').outcome).toBe('throttled');
    expect(pickups.start(customer.pickupCode, scanner, 'demo-fr').outcome).toBe('found');

    expect(
      core.db.prepare('SELECT counter_id, actor_id, method, outcome, entry, code_hash FROM pickup_attempts ORDER BY id').all(),
    ).toEqual([
      { counter_id: 'counter-1', actor_id: 'counter', method: 'keyboard', outcome: 'throttled', entry: 'typed', code_hash: null },
      { counter_id: 'counter-1', actor_id: 'counter', method: 'keyboard', outcome: 'throttled', entry: 'typed', code_hash: null },
      { counter_id: 'counter-1', actor_id: 'counter', method: 'scanner', outcome: 'matched', entry: 'barcode', code_hash: null },
    ]);
  });
});
