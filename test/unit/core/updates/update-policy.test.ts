import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideUpdate, rolloutBucket, type UpdateSituation } from '../../../../main/core/updates/update-policy';

const quietNight: UpdateSituation = {
  updateDownloaded: true,
  openFlow: false,
  runningDeadline: false,
  insideOpeningHours: false,
  rolloutPercent: 100,
  storeBucket: 42,
  staffChoice: 'none',
};

describe('update policy', () => {
  it.each<[string, Partial<UpdateSituation>, ReturnType<typeof decideUpdate>]>([
    ['closed shop, nothing open: install', {}, { action: 'install' }],
    ['nothing downloaded yet', { updateDownloaded: false, staffChoice: 'restart-now' }, { action: 'wait', reason: 'not-downloaded' }],
    ['store outside the staged rollout', { rolloutPercent: 42 }, { action: 'wait', reason: 'outside-rollout' }],
    ['store just inside the staged rollout', { rolloutPercent: 43 }, { action: 'install' }],
    ['rollout at 0 reaches nobody', { rolloutPercent: 0, storeBucket: 0 }, { action: 'wait', reason: 'outside-rollout' }],
    [
      'a broken rollout value reaches nobody',
      { rolloutPercent: Number.NaN, storeBucket: 0 },
      { action: 'wait', reason: 'outside-rollout' },
    ],
    ['open flow', { openFlow: true }, { action: 'wait', reason: 'open-flow' }],
    ['running deadline', { runningDeadline: true }, { action: 'wait', reason: 'running-deadline' }],
    [
      'manager restart now during an open flow waits',
      { staffChoice: 'restart-now', openFlow: true },
      { action: 'wait', reason: 'open-flow' },
    ],
    [
      'manager restart now during a running deadline waits',
      { staffChoice: 'restart-now', runningDeadline: true },
      { action: 'wait', reason: 'running-deadline' },
    ],
    [
      'manager restart now with open flow and running deadline waits',
      { staffChoice: 'restart-now', openFlow: true, runningDeadline: true },
      { action: 'wait', reason: 'open-flow' },
    ],
    ['manager restart now during opening hours installs', { staffChoice: 'restart-now', insideOpeningHours: true }, { action: 'install' }],
    ['opening hours without a choice wait', { insideOpeningHours: true }, { action: 'wait', reason: 'opening-hours' }],
    ['"later" waits even after closing', { staffChoice: 'later' }, { action: 'wait', reason: 'staff-later' }],
  ])('%s', (_name, change, expected) => {
    expect(decideUpdate({ ...quietNight, ...change })).toEqual(expected);
  });

  it('never installs while a flow is open or a deadline runs, whatever else holds', () => {
    fc.assert(
      fc.property(
        fc.record({
          updateDownloaded: fc.boolean(),
          openFlow: fc.boolean(),
          runningDeadline: fc.boolean(),
          insideOpeningHours: fc.boolean(),
          rolloutPercent: fc.integer({ min: -10, max: 110 }),
          storeBucket: fc.integer({ min: 0, max: 99 }),
          staffChoice: fc.constantFrom('none' as const, 'later' as const, 'restart-now' as const),
        }),
        (situation) => {
          if (situation.openFlow || situation.runningDeadline) expect(decideUpdate(situation).action).toBe('wait');
        },
      ),
    );
  });
});

describe('rollout bucket', () => {
  it('is stable per store and within 0-99', () => {
    fc.assert(
      fc.property(fc.string(), (storeId) => {
        const bucket = rolloutBucket(storeId);
        expect(bucket).toBe(rolloutBucket(storeId));
        expect(Number.isInteger(bucket) && bucket >= 0 && bucket <= 99).toBe(true);
      }),
    );
  });

  it('spreads store ids so a 10% rollout reaches about a tenth of the fleet', () => {
    const stores = Array.from({ length: 5000 }, (_, i) => `store-${i}`);
    const reached = stores.filter(
      (id) => decideUpdate({ ...quietNight, rolloutPercent: 10, storeBucket: rolloutBucket(id) }).action === 'install',
    ).length;
    expect(reached / stores.length).toBeGreaterThan(0.08);
    expect(reached / stores.length).toBeLessThan(0.12);
  });
});
