import type { Page } from '@playwright/test';
import type { ExpiredView } from '../../../main/api/parcels/schemas';
import { expect, test } from '../fixtures';
import { chooseLanguage, escapeRegExp, parcelsDelivered, scanFeedback } from '../counter-steps';
import type { RunningHost } from '../host';
import { grouped, msg, type Language } from '../locales';
import { expectNamedTouchTargets } from '../touch';
import { DAY_MS } from '../../../main/core/durations';

/**
 * Expired parcels (docs/rules.md, Parcels) in the browser host: the home notice,
 * the scan for return, "Cannot find" confirmed with OK, and the block after
 * the 2-hour window. Each test starts its own host, since days must pass.
 */

const FR_NETWORK = 'Démo Relais FR';
/** demo-fr keeps parcels 14 days (docs/rules.md, Parcels). */
const RETENTION_MS = 14 * DAY_MS;

/** A demo-fr driver brings `count` parcels; all are scanned and the intake is Done. */
const receiveAll = async (host: RunningHost, count: number) => (await parcelsDelivered(host, 'demo-fr', count)).map((p) => p.trackingId);

const row = (page: Page, trackingId: string) => page.getByTestId('expired-parcel').filter({ hasText: grouped(trackingId) });
const noticeLink = (page: Page, language: Language, count: number) =>
  page.getByRole('link', { name: new RegExp(escapeRegExp(msg(language, 'home.notices.expired', { count, network: FR_NETWORK }, count))) });

/** Tap a parcel, "Cannot find", confirm with OK. */
async function cannotFind(page: Page, language: Language, trackingId: string): Promise<void> {
  await row(page, trackingId).click();
  const actions = page.getByRole('group', { name: msg(language, 'expired.rowActions', { tracking: grouped(trackingId) }) });
  await actions.getByRole('button', { name: msg(language, 'expired.cannotFind'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: msg(language, 'expired.confirmFind.title', { tracking: grouped(trackingId) }) });
  await expect(dialog.getByText(msg(language, 'expired.confirmFind.body'))).toBeVisible();
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.describe('expired parcels', () => {
  test('in French: the home notice opens the scan; scan, collected by the customer, cannot find with OK, cannot scan, all done', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const ids = await receiveAll(host, 6);
    await host.advanceClock(RETENTION_MS + 60_000);

    await page.goto(host.url);
    await chooseLanguage(page, 'fr');
    await noticeLink(page, 'fr', 6).click();
    await expect(page).toHaveURL(/#\/expired\/\d+$/);
    const noticeId = Number(/#\/expired\/(\d+)$/.exec(page.url())![1]);

    await expect(page.getByRole('heading', { level: 1, name: msg('fr', 'expired.title', { network: FR_NETWORK }) })).toBeVisible();
    const counts = page.getByTestId('expired-counts');
    await expect(counts).toHaveText('0 / 6');
    await expect(page.getByText(msg('fr', 'expired.countsLabel'))).toBeVisible();
    await expect(page.getByTestId('deadline-banner')).toContainText(msg('fr', 'banner.expired-scan', { network: FR_NETWORK }));
    for (const id of ids) {
      await expect(row(page, id)).toHaveAttribute('data-state', 'expired');
      await expect(row(page, id)).toContainText(msg('fr', 'expired.row.expired'));
      // Where to look for it.
      await expect(row(page, id)).toContainText(/Étagère [A-C]\d/);
    }

    let remaining = ids;
    await test.step('a customer collects theirs meanwhile: marked collected by the customer', async () => {
      const customer = await host.call<{ code: string; trackingIds: string[] }>('training.customerArrives', { networkId: 'demo-fr' });
      const started = await host.call<{ outcome: string; pickup: { id: number } }>('pickup.start', {
        code: customer.code,
        method: 'keyboard',
        networkId: 'demo-fr',
      });
      expect(started.outcome).toBe('found');
      for (const trackingId of customer.trackingIds) {
        await host.call('pickup.scan', { pickupId: started.pickup.id, trackingId, method: 'scanner' });
      }
      await host.call('pickup.complete', { pickupId: started.pickup.id });
      for (const id of customer.trackingIds) {
        await expect(row(page, id)).toHaveAttribute('data-state', 'picked_up');
        await expect(row(page, id)).toContainText(msg('fr', 'expired.row.picked_up'));
      }
      await expect(counts).toHaveText(`${customer.trackingIds.length} / 6`);
      remaining = ids.filter((id) => !customer.trackingIds.includes(id));
      expect(remaining.length).toBeGreaterThanOrEqual(3);
    });

    const [scanned, lost, typed, ...rest] = remaining as [string, string, string, ...string[]];

    await test.step('a scan ticks the parcel; the same scan again changes nothing', async () => {
      await host.scan(scanned);
      await expect(row(page, scanned)).toHaveAttribute('data-state', 'return_scanned');
      await expect(row(page, scanned)).toContainText(msg('fr', 'expired.row.return_scanned'));
      await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'success');
      await expect(scanFeedback(page)).toHaveText(msg('fr', 'expired.scan.scanned', { tracking: grouped(scanned) }));
      await host.advanceClock(1_100); // past the scanner's 1 s double-read filter
      await host.scan(scanned);
      await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'warning');
      await expect(scanFeedback(page)).toHaveText(msg('fr', 'expired.scan.already', { tracking: grouped(scanned) }));
    });

    await test.step('"Colis introuvable" confirmed with OK records it missing', async () => {
      await row(page, lost).click();
      await expect(page.getByRole('group', { name: msg('fr', 'expired.rowActions', { tracking: grouped(lost) }) })).toBeVisible();
      expect(await expectNamedTouchTargets(page)).toBeGreaterThan(8);
      await row(page, lost).click(); // a second tap closes the actions again
      await expect(page.getByRole('group', { name: msg('fr', 'expired.rowActions', { tracking: grouped(lost) }) })).toHaveCount(0);
      await cannotFind(page, 'fr', lost);
      await expect(row(page, lost)).toHaveAttribute('data-state', 'missing');
      await expect(row(page, lost)).toContainText(msg('fr', 'expired.row.missing'));
      await expect(row(page, lost)).toHaveClass(/parcel-row--problem/);
      await expect(scanFeedback(page)).toHaveText(msg('fr', 'expired.scan.missing', { tracking: grouped(lost) }));
    });

    await test.step('"Scan impossible": the parcels still to scan are offered after three characters', async () => {
      await page.getByRole('button', { name: 'Scan impossible', exact: true }).click();
      const entry = page.getByRole('region', { name: msg('fr', 'expired.entryTitle') });
      const input = entry.getByRole('textbox', { name: msg('fr', 'manual.label') });
      await expect(input).toBeFocused();
      await input.pressSequentially(typed.slice(5, 7));
      const suggestions = entry.getByRole('list', { name: msg('fr', 'manual.suggestions') });
      await expect(suggestions).toHaveCount(0);
      await input.pressSequentially(typed.slice(7, 8));
      await suggestions.getByRole('button', { name: typed, exact: true }).click();
      await expect(row(page, typed)).toHaveAttribute('data-state', 'return_scanned');
      await expect(entry).toHaveCount(0);
      // Already scanned or missing parcels are never offered.
      await page.getByRole('button', { name: 'Scan impossible', exact: true }).click();
      await input.fill(scanned.slice(2, 8));
      await expect(input).toHaveValue(scanned.slice(2, 8));
      await expect(suggestions).toHaveCount(0);
      await entry.getByRole('button', { name: msg('fr', 'common.cancel') }).click();
    });

    await test.step('the rest scanned: all done, wait for the driver', async () => {
      for (const id of rest) await host.scan(id);
      const done = page.getByRole('region', { name: msg('fr', 'expired.done.title') });
      await expect(done).toBeVisible();
      await expect(done).toContainText(msg('fr', 'expired.done.body'));
      await expect(counts).toHaveText('6 / 6');
      const notice = await host.call<ExpiredView>('expired.get', { noticeId });
      expect(notice.completedAt).not.toBeNull();
      await expect(page.getByTestId('deadline-banner')).toHaveCount(0);
      await done.getByRole('link', { name: msg('fr', 'expired.done.home') }).click();
      await expect(page).toHaveURL(/#\/$/);
      await expect(
        page.getByRole('link', { name: new RegExp(escapeRegExp(msg('fr', 'expired.title', { network: FR_NETWORK }))) }),
      ).toHaveCount(0);
      await expect(page.getByRole('link', { name: new RegExp(`${escapeRegExp(FR_NETWORK)}`) })).toHaveCount(0);
    });
  });

  test('in Italian: one notice done in time, then a new one left 2 hours blocks the counter until it is scanned', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const first = await receiveAll(host, 3);
    await host.advanceClock(DAY_MS);
    const second = await receiveAll(host, 3);
    // The first batch expires; the second, a day younger, not yet.
    await host.advanceClock(RETENTION_MS - DAY_MS + 60_000);

    await page.goto(host.url);
    await chooseLanguage(page, 'it');
    const blocked = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: msg('it', 'blocked.title') }) });
    const nav = page.getByRole('navigation', { name: msg('it', 'nav.label') });

    await test.step('the first notice: scan, "Impossibile trovare" with OK, scan, all done', async () => {
      await noticeLink(page, 'it', 3).click();
      await expect(page.getByRole('heading', { level: 1, name: msg('it', 'expired.title', { network: FR_NETWORK }) })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Impossibile scansionare', exact: true })).toBeVisible();
      await expect(page.getByText(msg('it', 'expired.tapHint'))).toBeVisible();
      for (const id of second) await expect(row(page, id)).toHaveCount(0);

      await host.scan(first[0]!);
      await expect(row(page, first[0]!)).toContainText(msg('it', 'expired.row.return_scanned'));
      await cannotFind(page, 'it', first[1]!);
      await expect(row(page, first[1]!)).toContainText(msg('it', 'expired.row.missing'));
      await expect(page.getByTestId('expired-counts')).toHaveText('2 / 3');
      await host.scan(first[2]!);
      const done = page.getByRole('region', { name: msg('it', 'expired.done.title') });
      await expect(done).toBeVisible();
      await done.getByRole('link', { name: msg('it', 'expired.done.home') }).click();
      await expect(page).toHaveURL(/#\/$/);
    });

    await test.step('a day later the second batch expires: a new notice, not blocking yet', async () => {
      await host.advanceClock(DAY_MS);
      await expect(noticeLink(page, 'it', 3)).toBeVisible();
      await expect(blocked).toHaveCount(0);
    });

    await test.step('2 hours without scanning: blocked, the driver QR still reachable', async () => {
      await host.advanceClock(2 * 3600_000 + 60_000);
      await expect(blocked).toBeVisible();
      await expect(blocked).toContainText(msg('it', 'blocked.stillAvailable'));
      const status = await host.call<{ blocking: { kind: string } | null }>('counter.status');
      expect(status.blocking).toMatchObject({ kind: 'expired-scan' });

      await nav.getByRole('link', { name: msg('it', 'nav.driverQr'), exact: true }).click();
      await expect(page.getByRole('img', { name: msg('it', 'driverQr.qrAria') })).toBeVisible();
      await nav.getByRole('link', { name: msg('it', 'nav.home'), exact: true }).click();
      await expect(blocked).toBeVisible();
    });

    await test.step('scanning the expired parcels unblocks the counter', async () => {
      await blocked.getByRole('link', { name: msg('it', 'blocked.go.expired-scan') }).click();
      await expect(page).toHaveURL(/#\/expired\/\d+$/);
      await expect(page.getByTestId('deadline-banner')).toContainText(msg('it', 'banner.overdue'));
      for (const id of second) {
        await expect(row(page, id)).toHaveAttribute('data-state', 'expired');
        await host.scan(id);
        await expect(row(page, id)).toHaveAttribute('data-state', 'return_scanned');
      }
      const done = page.getByRole('region', { name: msg('it', 'expired.done.title') });
      await expect(done).toBeVisible();
      await done.getByRole('link', { name: msg('it', 'expired.done.home') }).click();
      await expect(blocked).toHaveCount(0);
      await expect(page.getByRole('link', { name: new RegExp(`^${escapeRegExp(msg('it', 'home.tiles.pickup'))}`) })).toBeVisible();
      expect((await host.call<{ blocking: unknown }>('counter.status')).blocking).toBeNull();
    });
  });
});
