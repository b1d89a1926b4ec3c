import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../../../main/core/db/open';
import { expect, test } from '../fixtures';
import { msg, startsWith, type Language } from '../locales';
import { expectNamedTouchTargets } from '../touch';
import { DAY_MS } from '../../../main/core/durations';

/** The weekday (Monday 0) and its name in `language`, as the host (same machine, same zone) sees "today". */
function today(now: number, language: Language): { index: number; name: string } {
  const index = (new Date(now).getDay() + 6) % 7;
  const name = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));
  return { index, name };
}

test.describe('opening hours', () => {
  test('in French: an overlap is refused next to the field, the corrected hours are saved, sent to each network and shown on home', async ({
    page,
    launchHost,
  }) => {
    test.setTimeout(60_000);
    const host = await launchHost();
    await host.call('settings.setLanguage', { language: 'fr' });
    const day = today(await host.now(), 'fr');

    await page.goto(host.url);
    await expect(page.getByTestId('today-hours')).toContainText(msg('fr', 'hours.closedToday'));
    await page.getByRole('link', { name: startsWith(msg('fr', 'hours.title')) }).click();
    await expect(page.getByRole('heading', { level: 1, name: msg('fr', 'hours.title') })).toBeVisible();

    const add = page.getByRole('button', { name: msg('fr', 'hours.addRangeOn', { day: day.name }) });
    await add.click();
    await add.click();
    // 09:00–18:00 and 15:00–19:00 overlap.
    await expect(
      page
        .getByRole('textbox', { name: msg('fr', 'hours.opensOn', { day: day.name, n: 2 }) })
        .or(page.getByLabel(msg('fr', 'hours.opensOn', { day: day.name, n: 2 }))),
    ).toHaveValue('15:00');
    await page.getByRole('button', { name: msg('fr', 'hours.save') }).click();
    const error = page.getByRole('alert').filter({ hasText: msg('fr', 'hours.rules.overlap') });
    await expect(error).toBeVisible();
    const secondOpens = page.getByLabel(msg('fr', 'hours.opensOn', { day: day.name, n: 2 }));
    await expect(secondOpens).toHaveAttribute('aria-describedby', (await error.getAttribute('id'))!);
    await expect(page.getByText(msg('fr', 'hours.notSaved'))).toBeVisible();
    expect((await host.call<{ week: unknown[][] }>('hours.get')).week[day.index]).toEqual([]);

    // Closing before opening is refused too.
    await page.getByLabel(msg('fr', 'hours.closesOn', { day: day.name, n: 1 })).fill('08:00');
    await page.getByRole('button', { name: msg('fr', 'hours.save') }).click();
    await expect(page.getByRole('alert').filter({ hasText: msg('fr', 'hours.rules.closeBeforeOpen') })).toBeVisible();

    // A time left empty is refused by main's input check: next to its range too, in French, and nothing is saved.
    const firstCloses = page.getByLabel(msg('fr', 'hours.closesOn', { day: day.name, n: 1 }));
    await firstCloses.fill('');
    await page.getByRole('button', { name: msg('fr', 'hours.save') }).click();
    const unread = page.getByRole('alert').filter({ hasText: msg('fr', 'errors.reasons.required') });
    await expect(unread).toBeVisible();
    await expect(firstCloses).toHaveAttribute('aria-invalid', 'true');
    await expect(firstCloses).toHaveAttribute('aria-describedby', (await unread.getAttribute('id'))!);
    expect((await host.call<{ week: unknown[][] }>('hours.get')).week[day.index]).toEqual([]);

    await page.getByLabel(msg('fr', 'hours.closesOn', { day: day.name, n: 1 })).fill('12:30');
    await page.getByRole('button', { name: msg('fr', 'hours.save') }).click();
    await expect(page.getByText(msg('fr', 'hours.saved'))).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectNamedTouchTargets(page);

    // One opening-hours event per network was queued with the change (the pump then delivers it).
    const db = new Database(join(host.dataDir, DATABASE_FILE_NAME), { readonly: true });
    try {
      const rows = db.prepare<[], { network_id: string }>("SELECT network_id FROM outbox WHERE kind = 'store-profile'").all();
      expect(rows.map((r) => r.network_id).sort()).toEqual(['demo-fr', 'demo-it']);
    } finally {
      db.close();
    }

    await page.getByRole('link', { name: msg('fr', 'hours.home') }).click();
    await expect(page.getByTestId('today-hours')).toContainText('09:00–12:30, 15:00–19:00');
  });

  test('a closure for today shows on home; after 30 days without a review the reminder shows until "Reviewed, nothing to change"', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const now = await host.now();
    const date = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

    await page.goto(`${host.url}#/hours`);
    await page.getByRole('button', { name: msg('en', 'hours.addException') }).click();
    await page.getByLabel(msg('en', 'hours.date')).fill(date);
    await page.getByLabel(msg('en', 'hours.kind')).selectOption({ label: msg('en', 'hours.kinds.closure') });
    await page.getByLabel(msg('en', 'hours.note')).fill('Stocktaking');
    await page.getByRole('button', { name: msg('en', 'hours.save') }).click();
    await expect(page.getByText(msg('en', 'hours.saved'))).toBeVisible();

    await page.goto(host.url);
    await expect(page.getByTestId('today-hours')).toContainText(
      `${msg('en', 'hours.closedToday')} · ${msg('en', 'hours.kinds.closure')} (Stocktaking)`,
    );
    await expect(page.getByTestId('hours-reminder')).toHaveCount(0);

    // Main's clock, not the page's, decides: 30 days after the save (a review) the reminder is due.
    // The scheduler wakes at the stored due time and the open home screen shows the reminder without a reload.
    await host.advanceClock(30 * DAY_MS);
    const reminder = page.getByTestId('hours-reminder');
    await expect(reminder).toContainText(msg('en', 'hours.reminder'));
    await expectNamedTouchTargets(page);
    await reminder.getByRole('button', { name: msg('en', 'hours.reviewed') }).click();
    await expect(reminder).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('today-hours')).toBeVisible();
    await expect(page.getByTestId('hours-reminder')).toHaveCount(0);
  });

  test('a special range of a holiday is named by its date and range, and refused next to itself', async ({ page, launchHost }) => {
    const host = await launchHost();
    const date = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      (await host.now()) + 7 * DAY_MS,
    );
    await page.goto(`${host.url}#/hours`);
    await page.getByRole('button', { name: msg('en', 'hours.addException') }).click();
    await page.getByLabel(msg('en', 'hours.date')).fill(date);
    await page.getByRole('button', { name: msg('en', 'hours.addSpecialRange') }).click();
    await page.getByRole('button', { name: msg('en', 'hours.addSpecialRange') }).click();
    // The second range (15:00 to 19:00) now opens after it closes.
    await page.getByLabel(msg('en', 'hours.opensOn', { day: date, n: 2 })).fill('20:00');
    const closes = page.getByLabel(msg('en', 'hours.closesOn', { day: date, n: 2 }));
    await page.getByRole('button', { name: msg('en', 'hours.save') }).click();
    const error = page.getByRole('alert').filter({ hasText: msg('en', 'hours.rules.closeBeforeOpen') });
    await expect(error).toBeVisible();
    await expect(closes).toHaveAttribute('aria-invalid', 'true');
    await expect(closes).toHaveAttribute('aria-describedby', (await error.getAttribute('id'))!);
    await expect(page.getByLabel(msg('en', 'hours.closesOn', { day: date, n: 1 }))).not.toHaveAttribute('aria-invalid', 'true');
    expect((await host.call<{ exceptions: unknown[] }>('hours.get')).exceptions).toEqual([]);

    await page.getByRole('button', { name: msg('en', 'hours.removeRangeOn', { day: date, n: 2 }) }).click();
    await page.getByRole('button', { name: msg('en', 'hours.save') }).click();
    await expect(page.getByText(msg('en', 'hours.saved'))).toBeVisible();
    expect((await host.call<{ exceptions: { ranges: unknown[] }[] }>('hours.get')).exceptions[0]!.ranges).toEqual([
      { opens: '09:00', closes: '18:00' },
    ]);
  });
});
