import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCounterApp, type CounterApp } from '../../../../main/app/start';
import { ManualClock } from '../../../../main/core/clock';
import { migrate } from '../../../../main/core/db/migrate';
import { migrations } from '../../../../main/core/db/migrations';
import type { NetworkAdapter } from '../../../../main/core/networks/network-adapter';
import { defaultHttpPolicy, italianPolicy } from '../../../../main/core/networks/policy';
import { POLICY_LIMITS } from '../../../../main/core/networks/network-shapes';
import { TEST_START } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
const apps: CounterApp[] = [];
afterEach(() => apps.splice(0).forEach((app) => app.close()));

function start(): CounterApp {
  const app = startCounterApp({ dataDir: tempDir(), clock: new ManualClock(TEST_START), version: 'x', log: () => {} });
  apps.push(app);
  return app;
}

async function save(app: CounterApp, policyOverrides: Record<string, unknown>) {
  const network = app.core!.networks.get('demo-it');
  return app.router.dispatch('networks.save', { id: network.id, name: network.name, baseUrl: null, enabled: true, policyOverrides });
}

const HUGE = 9007199254740991;

describe('policy numbers are bounded where they enter', () => {
  it('a staff override out of range is refused, naming the field and the reason, and changes nothing', async () => {
    const app = start();
    const before = app.core!.networks.get('demo-it');
    for (const overrides of [
      { expiredScanWindowMinutes: HUGE },
      { intakeWindowMinutes: HUGE },
      { capacity: HUGE },
      { returnEscalationDays: 10_000 },
      { intakeWindowMinutes: 1 },
    ]) {
      const result = await save(app, overrides);
      expect(result, JSON.stringify(overrides)).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', fields: [`policyOverrides.${Object.keys(overrides)[0]}`] },
      });
    }
    expect(app.core!.networks.get('demo-it')).toEqual(before);
    // The ends of each range are fine.
    for (const [field, { min, max }] of Object.entries(POLICY_LIMITS)) {
      expect(await save(app, { [field]: max }), field).toMatchObject({ ok: true });
      expect(await save(app, { [field]: min }), field).toMatchObject({ ok: true });
    }
  });

  it('a staff override with a pattern RE2 cannot run is refused with a reason the screen translates; the previous pattern stays', async () => {
    const app = start();
    expect(await save(app, { trackingIdPattern: '^IT[0-9]{10}$' })).toMatchObject({ ok: true });
    for (const [pattern, reason] of [
      ['(', 'patternSyntax'],
      ['^(?=IT)[0-9A-Z]{12}$', 'patternUnsupported'],
      ['^(IT)\\1$', 'patternUnsupported'],
    ] as const) {
      const result = await save(app, { trackingIdPattern: pattern });
      expect(result, pattern).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'BAD_INPUT',
          fields: ['policyOverrides.trackingIdPattern'],
          issues: [{ field: 'policyOverrides.trackingIdPattern', reason }],
        }),
      });
    }
    expect(await save(app, { trackingIdPattern: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', fields: ['policyOverrides.trackingIdPattern'] },
    });
    expect(app.core!.networks.get('demo-it').policy.trackingIdPattern).toBe('^IT[0-9]{10}$');
  });

  it('a pattern that would take a backtracking engine hours is safe to accept: the next scans are classified at once', async () => {
    const app = start();
    expect(await save(app, { trackingIdPattern: '(A+)+B' })).toMatchObject({ ok: true });
    const scanned: unknown[] = [];
    app.events.subscribe((name, payload) => name === 'scanner.scanned' && scanned.push(payload));
    const started = performance.now();
    app.receiveScan({ code: `${'A'.repeat(40)}1`, source: 'serial', deviceId: 'serial:/dev/ttyS9' });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(scanned).toEqual([expect.objectContaining({ classification: { kind: 'unknown', reason: 'no-match' } })]);
  });
});

describe("a network's policy change is checked field by field", () => {
  it('keeps the previous value of a refused field, applies the others, and moves on to the next page', async () => {
    const app = start();
    const core = app.core!;
    const adapter: NetworkAdapter = {
      pullManifest: async () => ({
        items: [{ trackingId: 'IT0000000777', recipientName: 'Ada', size: 'small', pickupCode: '777777' }],
        policy: { trackingIdPattern: '^(?<=X)IT.*$', expiredScanWindowMinutes: HUGE, intakeWindowMinutes: 0.5, retentionDays: 12 },
        cursor: 'after-bad-policy',
        hasMore: false,
      }),
    } as unknown as NetworkAdapter;
    const before = core.networks.get('demo-it').networkPolicy;
    const pulled = await core.counter.pull('demo-it', adapter);
    expect(pulled.refusedPolicy).toEqual([
      { field: 'intakeWindowMinutes', problem: 'out-of-range' },
      { field: 'expiredScanWindowMinutes', problem: 'out-of-range' },
      { field: 'trackingIdPattern', problem: 'unsupported' },
    ]);
    expect(core.networks.get('demo-it').networkPolicy).toEqual({ ...before, retentionDays: 12 });
    expect(core.settings.get('manifest.cursor.demo-it')).toBe('after-bad-policy');
    expect(core.counter.parcels.byTrackingId('IT0000000777', 'demo-it')).toMatchObject({ state: 'expected' });
  });
});

describe('migration 110', () => {
  it('brings stored policies into range, with the default pattern where RE2 cannot run the stored one', () => {
    const db = new BetterSqlite3(join(tempDir(), 'old.sqlite'));
    migrate(
      db,
      migrations.filter((m) => m.version < 110),
    );
    const insert = db.prepare(
      'INSERT INTO networks (id, name, adapter, policy_json, policy_overrides_json, enabled, created_at) VALUES (?, ?, ?, ?, ?, 1, 0)',
    );
    const stored = {
      ...italianPolicy,
      expiredScanWindowMinutes: HUGE,
      intakeWindowMinutes: 0,
      capacity: 'many',
      trackingIdPattern: '^(?=IT).*$',
    };
    insert.run(
      'bad',
      'Bad',
      'http',
      JSON.stringify(stored),
      JSON.stringify({ retentionDays: 400, postponesAllowed: -3, trackingIdPattern: '(a)\\1', returnEscalationDays: 2 }),
    );
    insert.run('good', 'Good', 'http', JSON.stringify(italianPolicy), JSON.stringify({ retentionDays: 5 }));
    migrate(db);
    const read = (id: string) => {
      const row = db
        .prepare<[string], { policy_json: string; policy_overrides_json: string }>(
          'SELECT policy_json, policy_overrides_json FROM networks WHERE id = ?',
        )
        .get(id)!;
      return { policy: JSON.parse(row.policy_json) as unknown, overrides: JSON.parse(row.policy_overrides_json) as unknown };
    };
    expect(read('bad')).toEqual({
      policy: {
        ...italianPolicy,
        expiredScanWindowMinutes: 48 * 60,
        intakeWindowMinutes: 5,
        capacity: defaultHttpPolicy.capacity,
        trackingIdPattern: defaultHttpPolicy.trackingIdPattern,
      },
      overrides: { retentionDays: 60, postponesAllowed: 0, returnEscalationDays: 2 },
    });
    expect(read('good')).toEqual({ policy: italianPolicy, overrides: { retentionDays: 5 } });
    db.close();
  });
});
