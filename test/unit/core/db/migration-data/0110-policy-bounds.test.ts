import { describe, expect, it } from 'vitest';
import { POLICY_LIMITS, POLICY_NUMBER_FIELDS } from '../../../../../main/core/networks/network-shapes';
import { defaultHttpPolicy, frenchPolicy } from '../../../../../main/core/networks/policy';
import { useTempDir } from '../../../../fixtures/temp-dir';
import { databaseAt, everyRow, migrateTo, versionBefore } from './database-at';

const tempDir = useTempDir();
const each = (value: (field: (typeof POLICY_NUMBER_FIELDS)[number]) => unknown) =>
  Object.fromEntries(POLICY_NUMBER_FIELDS.map((f) => [f, value(f)]));

describe('migration 110', () => {
  it('110 policy-bounds: numbers are clamped and rounded into range, missing ones get the default, patterns RE2 cannot run are replaced or dropped', () => {
    const db = databaseAt(tempDir(), versionBefore(110));
    const insert = db.prepare(
      'INSERT INTO networks (id, name, adapter, policy_json, policy_overrides_json, enabled, created_at, base_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(
      'low',
      'Low',
      'http',
      JSON.stringify({ ...each((f) => POLICY_LIMITS[f].min - 1), deliveryScannedBy: 'driver', trackingIdPattern: '^[0-9]{12}$' }),
      '{}',
      1,
      1,
      'https://low.test',
    );
    insert.run(
      'high',
      'High',
      'http',
      JSON.stringify({
        ...each((f) => POLICY_LIMITS[f].max * 10),
        postponesAllowed: 2.6,
        deliveryScannedBy: 'store',
        trackingIdPattern: '^(?=AB).*$',
      }),
      JSON.stringify({
        retentionDays: 0,
        capacity: 'lots',
        intakeWindowMinutes: 90.4,
        trackingIdPattern: '(a)\\1',
        deliveryScannedBy: 'driver',
      }),
      0,
      2,
      'https://high.test',
    );
    insert.run('empty', 'Empty', 'http', '{}', JSON.stringify({ trackingIdPattern: '^Z[0-9]{9}$' }), 1, 3, null);
    insert.run('fine', 'Fine', 'demo', JSON.stringify(frenchPolicy), JSON.stringify({ retentionDays: 10 }), 1, 4, null);
    db.exec(`INSERT INTO network_tokens (network_id, cipher, sealed, updated_at) VALUES ('low', 'plain', x'61', 5)`);
    const policies = () =>
      db
        .prepare<[], { id: string; policy_json: string; policy_overrides_json: string }>(
          'SELECT id, policy_json, policy_overrides_json FROM networks ORDER BY created_at',
        )
        .all()
        .map((r) => ({
          id: r.id,
          policy: JSON.parse(r.policy_json) as unknown,
          overrides: JSON.parse(r.policy_overrides_json) as unknown,
        }));
    const otherColumns = () =>
      db.prepare('SELECT id, name, adapter, enabled, created_at, base_url FROM networks ORDER BY created_at').all();
    const before = { rows: everyRow(db, ['networks']), networks: otherColumns() };

    migrateTo(db, 110);
    expect(policies()).toEqual([
      {
        id: 'low',
        policy: { ...each((f) => POLICY_LIMITS[f].min), deliveryScannedBy: 'driver', trackingIdPattern: '^[0-9]{12}$' },
        overrides: {},
      },
      {
        id: 'high',
        policy: {
          ...each((f) => POLICY_LIMITS[f].max),
          postponesAllowed: 3,
          deliveryScannedBy: 'store',
          trackingIdPattern: defaultHttpPolicy.trackingIdPattern,
        },
        overrides: { retentionDays: POLICY_LIMITS.retentionDays.min, intakeWindowMinutes: 90, deliveryScannedBy: 'driver' },
      },
      {
        id: 'empty',
        policy: { ...each((f) => defaultHttpPolicy[f]), trackingIdPattern: defaultHttpPolicy.trackingIdPattern },
        overrides: { trackingIdPattern: '^Z[0-9]{9}$' },
      },
      { id: 'fine', policy: frenchPolicy, overrides: { retentionDays: 10 } },
    ]);
    expect({ rows: everyRow(db, ['networks']), networks: otherColumns() }).toEqual(before);
    db.close();
  });
});
