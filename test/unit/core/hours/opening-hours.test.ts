import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { MAX_PLANNED_EXCEPTIONS, type HoursException, type OpeningHoursInput } from '../../../../main/core/hours/hours-shapes';
import { hoursReviewReminder } from '../../../../main/core/hours/hours-deadlines';
import { TEST_START } from '../../../fixtures/core';
import { DAY, useCounter } from '../../../fixtures/counter';

const { start, restart } = useCounter();
/** Written out rather than the constant, so a changed constant fails here. */
const REVIEW_INTERVAL_MS = 30 * DAY;

const weekdays = { opens: '09:00', closes: '12:30' };
const afternoon = { opens: '15:00', closes: '19:00' };
const good: OpeningHoursInput = {
  week: [
    [weekdays, afternoon],
    [weekdays, afternoon],
    [weekdays],
    [weekdays, afternoon],
    [weekdays, afternoon],
    [{ opens: '09:00', closes: '13:00' }],
    [],
  ],
  exceptions: [{ date: '2026-12-25', kind: 'holiday', note: 'Natale', ranges: [] }],
};

function exceptionsFrom(firstDay: string, n: number): HoursException[] {
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(first + i * DAY).toISOString().slice(0, 10),
    kind: 'closure',
    note: '',
    ranges: [],
  }));
}

const outbox = (core: CounterCore) =>
  core.db
    .prepare<[], { network_id: string; kind: string; payload_json: string }>(
      "SELECT network_id, kind, payload_json FROM outbox WHERE kind = 'store-profile' ORDER BY id",
    )
    .all();

describe('opening hours', () => {
  it('saves a valid week and exceptions, sorted, and shows today’s hours (an exception wins over the week)', async () => {
    const { core, clock } = await start();
    const result = core.hours.save({
      ...good,
      exceptions: [
        ...good.exceptions,
        { date: '2026-11-24', kind: 'closure', note: 'Inventario', ranges: [{ opens: '14:00', closes: '18:00' }] },
      ],
    });
    expect(result.issues).toEqual([]);
    expect(result.hours.week).toEqual(good.week);
    expect(result.hours.exceptions.map((e) => e.date)).toEqual(['2026-11-24', '2026-12-25']);
    // TEST_START is Tuesday 24 November 2026.
    expect(core.hours.today()).toMatchObject({
      date: '2026-11-24',
      weekday: 1,
      ranges: [{ opens: '14:00', closes: '18:00' }],
      exception: { kind: 'closure', note: 'Inventario' },
    });
    clock.advance(DAY);
    expect(core.hours.today()).toMatchObject({ date: '2026-11-25', weekday: 2, ranges: [weekdays], exception: null });
  });

  it('refuses overlapping ranges and a closing time not after the opening, saving nothing, each issue on its field', async () => {
    const { core } = await start();
    core.hours.save(good);
    const before = core.hours.get();
    const outboxBefore = outbox(core).length;
    const week = good.week.map((d) => [...d]);
    week[0] = [weekdays, { opens: '12:00', closes: '14:00' }];
    week[2] = [{ opens: '18:00', closes: '09:00' }];
    week[3] = [{ opens: '10:00', closes: '10:00' }];
    const result = core.hours.save({
      week,
      exceptions: [
        {
          date: '2026-12-24',
          kind: 'holiday',
          note: '',
          ranges: [
            { opens: '09:00', closes: '11:00' },
            { opens: '08:00', closes: '09:30' },
          ],
        },
      ],
    });
    expect(result.issues).toEqual([
      { field: 'week.0.1', rule: 'overlap' },
      { field: 'week.2.0', rule: 'closeBeforeOpen' },
      { field: 'week.3.0', rule: 'closeBeforeOpen' },
      { field: 'exceptions.0.ranges.1', rule: 'overlap' },
    ]);
    expect(core.hours.get()).toEqual(before);
    expect(outbox(core)).toHaveLength(outboxBefore);
    // Touching ranges (12:30 closes, 12:30 opens) do not overlap.
    week.splice(0, 4, [weekdays, { opens: '12:30', closes: '14:00' }], [], [], []);
    expect(core.hours.save({ week, exceptions: [] }).issues).toEqual([]);
  });

  it('refuses two exceptions on one date', async () => {
    const { core } = await start();
    const result = core.hours.save({
      ...good,
      exceptions: [...good.exceptions, { date: '2026-12-25', kind: 'closure', note: '', ranges: [] }],
    });
    expect(result.issues).toEqual([{ field: 'exceptions.1.date', rule: 'duplicateDate' }]);
  });

  it('takes 30 planned exceptions and refuses the 31st with nothing saved; past ones do not count', async () => {
    const { core } = await start();
    const thirty = exceptionsFrom('2026-11-24', MAX_PLANNED_EXCEPTIONS);
    const past = exceptionsFrom('2026-01-01', 5);
    expect(core.hours.save({ week: good.week, exceptions: [...past, ...thirty] }).issues).toEqual([]);
    const saved = core.hours.get();
    const outboxBefore = outbox(core).length;
    const refused = core.hours.save({
      week: good.week,
      exceptions: [...past, ...exceptionsFrom('2026-11-24', MAX_PLANNED_EXCEPTIONS + 1)],
    });
    expect(refused.issues).toEqual([{ field: 'exceptions', rule: 'tooManyExceptions' }]);
    expect(core.hours.get()).toEqual(saved);
    expect(core.hours.get().exceptions).toHaveLength(35);
    expect(outbox(core)).toHaveLength(outboxBefore);
  });

  it('queues the store record (hours included) for every network in the same transaction as the change', async () => {
    const { core } = await start();
    const networks = core.networks.list().map((n) => n.id);
    core.hours.save({ ...good, exceptions: [...exceptionsFrom('2026-01-01', 1), ...good.exceptions] });
    const rows = outbox(core);
    expect(rows.map((r) => r.network_id).sort()).toEqual([...networks].sort());
    const payload = JSON.parse(rows[0]!.payload_json);
    expect(payload.standardHours[0]).toEqual({ day: 'MONDAY', ranges: [weekdays, afternoon] });
    // The placeholder details of a new install are sent as inactive: no map shows them to customers.
    expect(payload).toMatchObject({ storeId: core.storeId, isActive: false, capabilities: ['PICK_UP'], capacity: { threshold: 20 } });
    // The networks get the planned exceptions, not the history.
    expect(payload.exceptionalClosures.map((e: HoursException) => e.date)).toEqual(['2026-12-25']);

    // If the outbox write fails, the hours are not saved either.
    core.db.exec(
      "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox WHEN NEW.network_id = 'demo-it' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    expect(() => core.hours.save({ ...good, exceptions: [] })).toThrow(/disk full/);
    expect(core.hours.get().exceptions.map((e) => e.date)).toEqual(['2026-01-01', '2026-12-25']);
    expect(outbox(core)).toHaveLength(networks.length);
  });

  it('reminds to review the exceptions exactly 30 days after the last review, across a restart, until "Reviewed"', async () => {
    const { core, clock, dir } = await start();
    expect(core.hours.today()).toMatchObject({ reviewedAt: TEST_START, reviewDueAt: TEST_START + REVIEW_INTERVAL_MS, reviewDue: false });
    clock.set(TEST_START + REVIEW_INTERVAL_MS - 1);
    expect(core.hours.today().reviewDue).toBe(false);
    const reopened = restart(core, dir, clock);
    clock.set(TEST_START + REVIEW_INTERVAL_MS);
    expect(reopened.hours.today().reviewDue).toBe(true);
    reopened.hours.markReviewed();
    expect(reopened.hours.today()).toMatchObject({ reviewDue: false, reviewedAt: clock.now() });
    clock.advance(REVIEW_INTERVAL_MS - 1);
    expect(restart(reopened, dir, clock).hours.today().reviewDue).toBe(false);
  });

  it('keeps the review date an earlier version stored, so an update does not bring the reminder back', async () => {
    const { core, clock, dir } = await start();
    clock.set(TEST_START + REVIEW_INTERVAL_MS + DAY);
    const reviewedBefore = TEST_START + REVIEW_INTERVAL_MS;
    core.db
      .prepare(
        "INSERT INTO settings (key, value, updated_at) VALUES ('hours.reviewedAt', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(String(reviewedBefore), reviewedBefore);
    expect(restart(core, dir, clock).hours.today()).toMatchObject({ reviewedAt: reviewedBefore, reviewDue: false });
  });

  it('wakes the home screen once when the review falls due, and again 30 days after "Reviewed"', async () => {
    const { core, clock } = await start();
    let woken = 0;
    const reminder = hoursReviewReminder(core.hours, clock, () => woken++);
    // The name the scheduler logs a failing source under.
    expect(reminder.name).toBe('hours-review');
    expect(reminder.nextAt(clock.now())).toBe(TEST_START + REVIEW_INTERVAL_MS);
    clock.set(TEST_START + REVIEW_INTERVAL_MS);
    reminder.run(clock.now());
    expect(woken).toBe(1);
    // Announced: nothing more is due until someone reviews.
    expect(reminder.nextAt(clock.now())).toBeUndefined();
    clock.advance(DAY);
    core.hours.markReviewed();
    expect(reminder.nextAt(clock.now())).toBe(clock.now() + REVIEW_INTERVAL_MS);
  });

  it('keeps each day’s ranges in time order, however they were typed', async () => {
    const { core } = await start();
    const week = [[afternoon, weekdays], [], [], [], [], [], []];
    const saved = core.hours.save({ week, exceptions: [{ date: '2026-12-24', kind: 'closure', note: '', ranges: [afternoon, weekdays] }] });
    expect(saved.issues).toEqual([]);
    expect(core.hours.get().week[0]).toEqual([weekdays, afternoon]);
    expect(core.hours.get().exceptions[0]!.ranges).toEqual([weekdays, afternoon]);
  });

  it('counts saving the hours as a review', async () => {
    const { core, clock } = await start();
    clock.set(TEST_START + REVIEW_INTERVAL_MS + DAY);
    expect(core.hours.today().reviewDue).toBe(true);
    core.hours.save(good);
    expect(core.hours.today().reviewDue).toBe(false);
  });
});
