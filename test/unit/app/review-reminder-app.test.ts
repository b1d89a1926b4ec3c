import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCounterApp } from '../../../main/app/start';
import { ManualClock } from '../../../main/core/clock';
import { REVIEW_INTERVAL_MS } from '../../../main/core/hours/opening-hours';
import { TEST_START } from '../../fixtures/core';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('the review reminder in the running app', () => {
  it('wakes the screens when the 30 days end, and "Reviewed" through the router moves it 30 days on', async () => {
    const clock = new ManualClock(TEST_START);
    const app = startCounterApp({ dataDir: tempDir(), clock, version: 'x', log: () => {} });
    cleanups.push(() => app.close());
    const changedAt: number[] = [];
    app.events.subscribe((name, payload) => {
      if (name === 'counter.changed') changedAt.push((payload as { at: number }).at);
    });
    const today = async (call = 'hours.today') => {
      const envelope = await app.router.dispatch(call, undefined);
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value as { reviewDue: boolean; reviewDueAt: number };
    };
    expect(await today()).toMatchObject({ reviewDue: false, reviewDueAt: TEST_START + REVIEW_INTERVAL_MS });
    // Let the start-up work (the first demo manifests) finish and announce itself first.
    await vi.waitFor(() => expect(changedAt.length).toBeGreaterThan(0));
    changedAt.length = 0;

    clock.set(TEST_START + REVIEW_INTERVAL_MS - 1);
    await app.poke();
    expect(changedAt).toEqual([]);
    clock.set(TEST_START + REVIEW_INTERVAL_MS);
    await app.poke();
    expect(changedAt).toContain(TEST_START + REVIEW_INTERVAL_MS);
    expect((await today()).reviewDue).toBe(true);

    const reviewed = await today('hours.markReviewed');
    expect(reviewed).toMatchObject({ reviewDue: false, reviewDueAt: TEST_START + 2 * REVIEW_INTERVAL_MS });
  });
});
