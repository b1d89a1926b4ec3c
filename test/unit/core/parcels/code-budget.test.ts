import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { demoParcel } from '../../../../main/core/networks/demo-network';
import { CODE_SPACE, hitChanceBound, wrongCodeBudget } from '../../../../main/core/parcels/code-guess-budget';
import { DAY, keyboard, scanner, useCounter } from '../../../fixtures/counter';

const { start, restart } = useCounter();

/** Demo parcels 1 and 2 of demo-fr belong to one customer. */
const customer = { code: demoParcel('demo-fr', 1).pickupCode, tracking: demoParcel('demo-fr', 1).trackingId };
const known = new Set(
  Array.from({ length: 40 }, (_, i) => [demoParcel('demo-fr', i).pickupCode, demoParcel('demo-it', i).pickupCode]).flat(),
);
/** Wrong codes, never the same one twice, none of them a demo customer's. */
const wrongCodes = (function* () {
  for (let n = 100_000; ; n += 7919) {
    const code = String(n % CODE_SPACE).padStart(6, '0');
    if (!known.has(code)) yield code;
  }
})();
const nextWrong = () => wrongCodes.next().value!;

/** A store whose shelves hold `capacity` parcels in one large slot, with the demo parcels received. */
async function storeOf(capacity: number) {
  const started = await start();
  const { core } = started;
  core.counter.slots.configure(
    Array.from({ length: Math.ceil(capacity / 500) }, (_, i) => ({
      id: `L${i}`,
      size: 'large' as const,
      capacity: Math.min(500, capacity - i * 500),
    })),
  );
  const { deliveries } = core.counter;
  const delivery = deliveries.handOver('demo-fr', scanner);
  for (const p of deliveries.parcelsOf(delivery.id)) deliveries.scan(delivery.id, p.tracking_id, scanner);
  deliveries.complete(delivery.id);
  return started;
}

const attempts = (core: CounterCore) =>
  core.db.prepare<[], { outcome: string; entry: string }>('SELECT outcome, entry FROM pickup_attempts ORDER BY id').all();

describe('the wrong-code budget arithmetic', () => {
  it('100 parcels over 14 days: under 100 wrong codes, a chance of hitting any live code under 1 %', () => {
    const budget = wrongCodeBudget(100);
    expect(budget).toEqual({ total: 99, pickup: 90, search: 9 });
    // 99 guesses among 1 000 000 codes, 100 of them live: 99 · 100 / (1 000 000 − 99) ≈ 0.990 %.
    expect(hitChanceBound(99, 100)).toBeCloseTo(0.0099, 5);
    expect(hitChanceBound(99, 100)).toBeLessThan(0.01);
    expect(hitChanceBound(100, 100)).toBeGreaterThanOrEqual(0.01);
  });

  it('is the largest budget under 1 % for every store size up to 10 000 parcels', () => {
    for (let live = 1; live <= 10_000; live++) {
      const { total, pickup, search } = wrongCodeBudget(live);
      expect(pickup + search).toBe(total);
      if (total > 0) expect(hitChanceBound(total, live)).toBeLessThan(0.01);
      expect(hitChanceBound(total + 1, live)).toBeGreaterThanOrEqual(0.01);
    }
  });

  it('follows the store: its shelves full and the longest retention of its networks', async () => {
    const { core } = await storeOf(100);
    expect(core.counter.budgetBasis()).toEqual({ liveCodes: 100, retentionDays: 14 });
    expect(core.counter.throttle.budget()).toEqual({ total: 99, pickup: 90, search: 9, windowMs: 14 * DAY });
    // More shelf room, more live codes, a smaller budget.
    core.counter.slots.configure([{ id: 'L0', size: 'large', capacity: 500 }]);
    expect(core.counter.throttle.budget().pickup).toBe(18);
  });
});

describe('wrong pickup codes', () => {
  it('a right code now and then does not forgive the wrong ones: the attack from the field stops at the budget', async () => {
    const { core } = await storeOf(100);
    const { pickups } = core.counter;
    let wrongChecked = 0;
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 4; i++) if (pickups.start(nextWrong(), keyboard).outcome === 'wrong-code') wrongChecked++;
      pickups.start(customer.code, keyboard);
    }
    expect(wrongChecked).toBe(90);
    expect(pickups.start(customer.code, keyboard).outcome).toBe('throttled');
  });

  it('counts in a sliding window of one retention period, across a restart', async () => {
    const { core, clock, dir } = await storeOf(500);
    let current = core;
    const firstAt = clock.now();
    current.counter.pickups.start(nextWrong(), keyboard);
    clock.advance(DAY);
    for (let i = 1; i < 18; i++) {
      const result = current.counter.pickups.start(nextWrong(), keyboard);
      expect(result).toEqual({ outcome: 'wrong-code', lockedUntil: i === 17 ? firstAt + 14 * DAY : undefined });
      if (i === 8) current = restart(current, dir, clock);
    }
    expect(current.counter.pickups.start(customer.code, keyboard)).toEqual({ outcome: 'throttled', lockedUntil: firstAt + 14 * DAY });
    clock.set(firstAt + 14 * DAY - 1);
    expect(current.counter.throttle.lockedUntil()).toBe(firstAt + 14 * DAY);
    clock.set(firstAt + 14 * DAY);
    // The first wrong code left the window: one more may be typed, and it locks again until the second leaves.
    expect(current.counter.throttle.lockedUntil()).toBeUndefined();
    expect(current.counter.pickups.start(nextWrong(), keyboard)).toEqual({ outcome: 'wrong-code', lockedUntil: firstAt + DAY + 14 * DAY });
  });

  it('refuses typed codes when spent, but the customer’s pickup barcode main read still opens the pickup', async () => {
    const { core } = await storeOf(500);
    const { pickups, pickupBarcodes } = core.counter;
    for (let i = 0; i < 18; i++) pickups.start(nextWrong(), keyboard);
    expect(pickups.start(customer.code, keyboard).outcome).toBe('throttled');
    // Saying "scanner" is not enough: main must have read the barcode itself.
    expect(pickups.start(customer.code, scanner, 'demo-fr').outcome).toBe('throttled');
    pickupBarcodes.remember('demo-fr', customer.code);
    expect(pickups.start(customer.code, scanner, 'demo-fr').outcome).toBe('found');
    // One scan opens one pickup.
    expect(pickups.start(customer.code, scanner, 'demo-fr').outcome).toBe('throttled');
    expect(attempts(core).slice(-4)).toEqual([
      { outcome: 'throttled', entry: 'typed' },
      { outcome: 'throttled', entry: 'typed' },
      { outcome: 'matched', entry: 'barcode' },
      { outcome: 'throttled', entry: 'typed' },
    ]);
  });

  it('a manager lifts the lock early; the lift and every attempt stay in the log', async () => {
    const { core, clock } = await storeOf(500);
    const { pickups } = core.counter;
    for (let i = 0; i < 18; i++) pickups.start(nextWrong(), keyboard);
    expect(pickups.start(customer.code, keyboard).outcome).toBe('throttled');
    expect(core.counter.liftCodeLock('counter')).toEqual({ liftedAt: clock.now() });
    expect(pickups.start(customer.code, keyboard).outcome).toBe('found');
    expect(attempts(core)).toHaveLength(20);
    expect(core.db.prepare('SELECT actor_id, at FROM pickup_code_lock_lifts').all()).toEqual([{ actor_id: 'counter', at: clock.now() }]);
    expect(() => core.db.prepare('DELETE FROM pickup_code_lock_lifts').run()).toThrow(/append-only/);
    // The budget starts again from the lift.
    for (let i = 0; i < 17; i++) expect(pickups.start(nextWrong(), keyboard).outcome).toBe('wrong-code');
    expect(pickups.start(nextWrong(), keyboard)).toMatchObject({ outcome: 'wrong-code', lockedUntil: expect.any(Number) });
  });

  it('refuses a code that is not 6 digits as bad input', async () => {
    const { core } = await start();
    expect(() => core.counter.pickups.start('12345', keyboard)).toThrow(/6 digits/);
  });
});

describe('a pickup code typed into the inventory search', () => {
  it('is not a pickup attempt: it neither spends nor forgives the pickup budget', async () => {
    const { core } = await storeOf(500);
    const { pickups, throttle } = core.counter;
    for (let i = 0; i < 17; i++) pickups.start(nextWrong(), keyboard);
    core.inventory.customers({ search: nextWrong() }, { limit: 10, offset: 0 });
    core.inventory.customers({ search: customer.code }, { limit: 10, offset: 0 });
    expect(throttle.lockedUntil()).toBeUndefined();
    expect(pickups.start(nextWrong(), keyboard)).toMatchObject({ outcome: 'wrong-code', lockedUntil: expect.any(Number) });
  });

  it('left open, it is logged once however often it runs again', async () => {
    const { core } = await storeOf(100);
    const wrong = nextWrong();
    for (let i = 0; i < 6; i++) {
      core.inventory.customers({ search: wrong }, { limit: 10, offset: 0 });
      core.inventory.customers({ search: customer.code }, { limit: 10, offset: 0 });
    }
    expect(attempts(core)).toEqual([
      { outcome: 'wrong', entry: 'search' },
      { outcome: 'matched', entry: 'search' },
    ]);
    expect(core.counter.throttle.lockedUntil()).toBeUndefined();
  });

  it('has its own share: spent, the code part of a search finds nothing, a name still does', async () => {
    const { core } = await storeOf(500);
    expect(core.counter.throttle.budget().search).toBe(1);
    core.inventory.customers({ search: nextWrong() }, { limit: 10, offset: 0 });
    expect(core.inventory.customers({ search: customer.code }, { limit: 10, offset: 0 }).totalParcels).toBe(0);
    const name = core.counter.parcels.byTrackingId(customer.tracking)!.recipient_name;
    expect(core.inventory.customers({ search: name }, { limit: 10, offset: 0 }).totalParcels).toBeGreaterThan(0);
    expect(attempts(core).map((a) => a.outcome)).toEqual(['wrong', 'throttled']);
  });
});
