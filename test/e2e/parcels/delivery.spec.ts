import type { Page } from '@playwright/test';
import type { DeliveryView } from '../../../main/api/parcels/schemas';
import { expect, test } from '../fixtures';
import { chooseLanguage, driverArrives as deliveryArrives, escapeRegExp, scanFeedback } from '../counter-steps';
import type { RunningHost } from '../host';
import { grouped, msg, type Language } from '../locales';
import { expectNamedTouchTargets } from '../touch';

/**
 * Driver delivery intake (docs/rules.md, Parcels) in the browser host. Every test
 * starts its own host: the clock only moves forward and an open delivery of a
 * network is reused, so nothing may leak between tests (or into other files).
 */

const FR_NETWORK = 'Démo Relais FR';
const IT_NETWORK = 'Demo Express IT';

/** The same message with {time} (formatted by the browser's locale) matching any time. */
function msgWithTime(language: Language, path: string): RegExp {
  const [before, after] = msg(language, path).split('{time}') as [string, string];
  return new RegExp(`${escapeRegExp(before)}\\d{1,2}[:.]\\d{2}[:.]\\d{2}(\\s?[AP]M)?${escapeRegExp(after ?? '')}`);
}

async function driverArrives(host: RunningHost, networkId: 'demo-fr' | 'demo-it', count = 4) {
  const delivery = await deliveryArrives(host, networkId, count);
  return { delivery, ids: delivery.parcels.map((p) => p.trackingId) };
}

const row = (page: Page, trackingId: string) => page.getByTestId('delivery-parcel').filter({ hasText: grouped(trackingId) });

test.describe('driver delivery', () => {
  test('store intake: a scan ticks its parcel, a repeat changes nothing, cannot scan, refuse damaged, Done with unscanned parcels', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const { delivery, ids } = await driverArrives(host, 'demo-fr');
    const [first, second, third, fourth] = ids as [string, string, string, string];
    await page.goto(`${host.url}#/delivery/${delivery.id}`);

    await expect(page.getByRole('heading', { level: 1, name: msg('en', 'delivery.title', { network: FR_NETWORK }) })).toBeVisible();
    const counts = page.getByTestId('delivery-counts');
    await expect(counts).toHaveText('0 / 4');
    await expect(page.getByText(msg('en', 'delivery.scanNow'))).toBeVisible();
    await expect(page.getByText(msg('en', 'parcel.unknownRecipient'))).toHaveCount(0);
    await expect(row(page, first)).toHaveAttribute('data-state', 'expected');

    await test.step('a scan ticks the parcel and says which shelf it goes on', async () => {
      await host.scan(first);
      await expect(counts).toHaveText('1 / 4');
      await expect(row(page, first)).toHaveAttribute('data-state', 'received');
      await expect(row(page, first)).toHaveClass(/parcel-row--done/);
      const { parcels } = await host.call<DeliveryView>('delivery.get', { deliveryId: delivery.id });
      const slot = parcels.find((p) => p.trackingId === first)!.slotId!;
      expect(slot).toMatch(/^[A-C]\d$/);
      const shelf = msg('en', 'parcel.slot', { slot });
      await expect(row(page, first)).toContainText(shelf);
      await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'success');
      await expect(scanFeedback(page)).toHaveText(msg('en', 'delivery.scan.received', { tracking: grouped(first), slot: shelf }));
      await expect(page.getByTestId('last-scanned')).toContainText(shelf);
    });

    await test.step('the same label again changes nothing and says so', async () => {
      await host.advanceClock(1_100); // past the scanner's 1 s double-read filter
      await host.scan(first);
      await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'warning');
      await expect(scanFeedback(page)).toHaveText(msg('en', 'delivery.scan.already', { tracking: grouped(first) }));
      await expect(counts).toHaveText('1 / 4');
    });

    await test.step('a label of another network is refused with the reason', async () => {
      await host.scan('IT0000000001');
      await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'error');
      await expect(scanFeedback(page)).toHaveText(msg('en', 'rejections.not-this-network', { tracking: 'IT0000000001' }));
      await expect(counts).toHaveText('1 / 4');
    });

    await test.step('cannot scan: matching parcels are offered after three characters', async () => {
      await page.getByRole('button', { name: msg('en', 'delivery.actions.cannotScan'), exact: true }).click();
      const entry = page.getByRole('region', { name: msg('en', 'delivery.entry.scan') });
      const input = entry.getByRole('textbox', { name: msg('en', 'manual.label') });
      await expect(input).toBeFocused();
      const fragment = second.slice(4, 7);
      await input.pressSequentially(fragment.slice(0, 2));
      await expect(entry.getByRole('list', { name: msg('en', 'manual.suggestions') })).toHaveCount(0);
      await input.pressSequentially(fragment.slice(2));
      const suggestions = entry.getByRole('list', { name: msg('en', 'manual.suggestions') });
      await expect(suggestions.getByRole('button', { name: second, exact: true })).toBeVisible();
      // Only parcels still to scan are offered: never the one already received.
      await expect(suggestions.getByRole('button', { name: first, exact: true })).toHaveCount(0);
      expect(await expectNamedTouchTargets(page)).toBeGreaterThan(8);
      await suggestions.getByRole('button', { name: second, exact: true }).click();
      await expect(counts).toHaveText('2 / 4');
      await expect(row(page, second)).toHaveAttribute('data-state', 'received');
      await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'success');
      await expect(entry).toHaveCount(0);
    });

    await test.step('refuse damaged: tap the parcel, confirm, it never enters custody', async () => {
      await row(page, third).click();
      await expect(row(page, third)).toHaveAttribute('aria-expanded', 'true');
      const actions = page.getByRole('group', { name: msg('en', 'delivery.rowActions', { tracking: grouped(third) }) });
      await expect(actions).toBeVisible();
      expect(await expectNamedTouchTargets(page)).toBeGreaterThan(8);
      await actions.getByRole('button', { name: msg('en', 'delivery.actions.refuseDamaged') }).click();
      const dialog = page.getByRole('dialog', { name: msg('en', 'delivery.refuse.title', { tracking: grouped(third) }) });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(msg('en', 'delivery.refuse.body'))).toBeVisible();
      await dialog.getByRole('button', { name: msg('en', 'delivery.refuse.confirm') }).click();
      await expect(dialog).toBeHidden();
      await expect(row(page, third)).toHaveAttribute('data-state', 'damaged_refused');
      await expect(row(page, third)).toContainText(msg('en', 'states.damaged_refused'));
      await expect(counts).toHaveText('2 / 3');
    });

    await test.step('Done with a parcel unscanned asks first, then shows the summary', async () => {
      const done = page.getByRole('button', { name: msg('en', 'common.done'), exact: true });
      await done.click();
      const dialog = page.getByRole('dialog', { name: msg('en', 'delivery.finish.title') });
      await expect(dialog).toContainText(msg('en', 'delivery.finish.body', { count: 1 }, 1));
      // Keep scanning closes the question and changes nothing.
      await dialog.getByRole('button', { name: msg('en', 'delivery.finish.cancel') }).click();
      await expect(dialog).toBeHidden();
      await expect(row(page, fourth)).toHaveAttribute('data-state', 'expected');

      await done.click();
      await dialog.getByRole('button', { name: msg('en', 'delivery.finish.confirm') }).click();
      const summary = page.getByRole('region', { name: msg('en', 'delivery.summary.title') });
      await expect(summary).toContainText(msg('en', 'delivery.summary.received', { count: 2 }));
      await expect(summary).toContainText(msg('en', 'delivery.summary.refused', { count: 1 }));
      await expect(summary).toContainText(msg('en', 'delivery.summary.notDelivered', { count: 1 }));
      // The parcel not handed over went back to the network's announced list.
      await expect(row(page, fourth)).toHaveCount(0);
      const closed = await host.call<DeliveryView>('delivery.get', { deliveryId: delivery.id });
      expect(closed.completedAt).not.toBeNull();

      await summary.getByRole('link', { name: msg('en', 'delivery.summary.home') }).click();
      await expect(page).toHaveURL(/#\/$/);
      await expect(page.getByRole('link', { name: new RegExp(escapeRegExp(FR_NETWORK)) })).toHaveCount(0);
    });
  });

  test('in French: postpone once with a reminder of the deadline and the limit, then the button is gone', async ({ page, launchHost }) => {
    const host = await launchHost();
    const { delivery, ids } = await driverArrives(host, 'demo-fr');
    await page.goto(`${host.url}#/delivery/${delivery.id}`);
    await chooseLanguage(page, 'fr');

    await expect(page.getByRole('heading', { level: 1, name: msg('fr', 'delivery.title', { network: FR_NETWORK }) })).toBeVisible();
    await expect(page.getByText(msg('fr', 'delivery.countsLabel'))).toBeVisible();
    await expect(page.getByRole('button', { name: 'Scan impossible', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: msg('fr', 'delivery.actions.refuseDamaged') })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Terminer', exact: true })).toBeVisible();

    await host.scan(ids[0]!);
    await expect(page.getByTestId('delivery-counts')).toHaveText('1 / 4');
    await expect(scanFeedback(page)).toContainText(grouped(ids[0]!));
    await expect(row(page, ids[0]!)).toContainText(msg('fr', 'states.received'));

    const later = page.getByRole('button', { name: msg('fr', 'delivery.actions.postpone'), exact: true });
    const dialog = page.getByRole('dialog', { name: msg('fr', 'delivery.postpone.title') });

    await test.step('the question reminds of the deadline and that it works once; "Scan now" keeps the postpone', async () => {
      await later.click();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(msgWithTime('fr', 'delivery.postpone.deadline'))).toBeVisible();
      await expect(dialog.getByText(msgWithTime('fr', 'delivery.postpone.once'))).toBeVisible();
      await dialog.getByRole('button', { name: msg('fr', 'delivery.postpone.cancel') }).click();
      await expect(dialog).toBeHidden();
      await expect(page).toHaveURL(new RegExp(`#/delivery/${delivery.id}$`));
      expect((await host.call<DeliveryView>('delivery.get', { deliveryId: delivery.id })).postponesUsed).toBe(0);
    });

    await test.step('confirmed, the intake is postponed and the counter goes home', async () => {
      await later.click();
      await dialog.getByRole('button', { name: msg('fr', 'delivery.postpone.confirm') }).click();
      await expect(page).toHaveURL(/#\/$/);
      await expect(scanFeedback(page)).toHaveText(msgWithTime('fr', 'delivery.postpone.done'));
      expect((await host.call<DeliveryView>('delivery.get', { deliveryId: delivery.id })).postponesUsed).toBe(1);
      // The deadline keeps running in the banner.
      await expect(page.getByTestId('deadline-banner')).toContainText(msg('fr', 'banner.intake', { network: FR_NETWORK }));
    });

    await test.step('back from the home notice: no second postpone, and the screen says so', async () => {
      const notice = page.getByRole('link', {
        name: new RegExp(escapeRegExp(msg('fr', 'home.notices.intake', { count: 3, network: FR_NETWORK }, 3))),
      });
      await notice.click();
      await expect(page).toHaveURL(new RegExp(`#/delivery/${delivery.id}$`));
      await expect(page.getByTestId('delivery-counts')).toHaveText('1 / 4');
      await expect(page.getByTestId('no-more-postpone')).toHaveText(msgWithTime('fr', 'delivery.noMorePostpone'));
      await expect(later).toHaveCount(0);
    });

    await test.step('the rest scanned, Done needs no question', async () => {
      for (const id of ids.slice(1)) await host.scan(id);
      await expect(page.getByTestId('delivery-counts')).toHaveText('4 / 4');
      await page.getByRole('button', { name: 'Terminer', exact: true }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      const summary = page.getByRole('region', { name: msg('fr', 'delivery.summary.title') });
      await expect(summary).toContainText(msg('fr', 'delivery.summary.received', { count: 4 }));
      await expect(page.getByTestId('deadline-banner')).toHaveCount(0);
    });
  });

  test('in Italian: past the 30 minutes the app is blocked except the driver QR, until the intake is finished', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const { delivery, ids } = await driverArrives(host, 'demo-fr');
    await page.goto(`${host.url}#/delivery/${delivery.id}`);
    await chooseLanguage(page, 'it');
    await expect(page.getByRole('heading', { level: 1, name: msg('it', 'delivery.title', { network: FR_NETWORK }) })).toBeVisible();
    await host.scan(ids[0]!);
    await expect(page.getByTestId('delivery-counts')).toHaveText('1 / 4');

    await host.advanceClock(31 * 60_000);
    const status = await host.call<{ blocking: { kind: string; deliveryId: number } | null }>('counter.status');
    expect(status.blocking).toMatchObject({ kind: 'intake', deliveryId: delivery.id });

    const nav = page.getByRole('navigation', { name: msg('it', 'nav.label') });
    const blocked = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: msg('it', 'blocked.title') }) });

    await test.step('Home shows the blocking screen', async () => {
      await nav.getByRole('link', { name: msg('it', 'nav.home'), exact: true }).click();
      await expect(blocked).toBeVisible();
      await expect(blocked).toContainText(msg('it', 'blocked.stillAvailable'));
      await expect(page.getByRole('link', { name: msg('it', 'home.tiles.pickup') })).toHaveCount(0);
    });

    await test.step('the driver QR stays reachable', async () => {
      await nav.getByRole('link', { name: msg('it', 'nav.driverQr'), exact: true }).click();
      await expect(page.getByRole('img', { name: msg('it', 'driverQr.qrAria') })).toBeVisible();
      await expect(page.getByTestId('driver-code')).toHaveText(/^\d{3} \d{3}$/);
      await expect(blocked).toHaveCount(0);
    });

    await test.step('from the blocking screen to the intake: no postpone any more, the banner says time is up', async () => {
      await nav.getByRole('link', { name: msg('it', 'nav.home'), exact: true }).click();
      await blocked.getByRole('link', { name: msg('it', 'blocked.go.intake') }).click();
      await expect(page).toHaveURL(new RegExp(`#/delivery/${delivery.id}$`));
      await expect(page.getByTestId('delivery-counts')).toHaveText('1 / 4');
      await expect(page.getByRole('button', { name: msg('it', 'delivery.actions.postpone') })).toHaveCount(0);
      await expect(page.getByTestId('deadline-banner')).toContainText(msg('it', 'banner.overdue'));
    });

    await test.step('finishing the intake (cannot scan in Italian, the rest scanned) unblocks', async () => {
      await page.getByRole('button', { name: 'Impossibile scansionare', exact: true }).click();
      const entry = page.getByRole('region', { name: msg('it', 'delivery.entry.scan') });
      await entry.getByRole('textbox', { name: msg('it', 'manual.label') }).fill(grouped(ids[1]!));
      await entry.getByRole('button', { name: msg('it', 'manual.confirm') }).click();
      await expect(page.getByTestId('delivery-counts')).toHaveText('2 / 4');
      await host.scan(ids[2]!);
      await expect(page.getByTestId('delivery-counts')).toHaveText('3 / 4');
      // One left unscanned: Fatto asks first, in Italian.
      await page.getByRole('button', { name: 'Fatto', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: msg('it', 'delivery.finish.title') });
      await expect(dialog).toContainText(msg('it', 'delivery.finish.body', { count: 1 }, 1));
      await dialog.getByRole('button', { name: msg('it', 'delivery.finish.confirm') }).click();
      await expect(page.getByRole('region', { name: msg('it', 'delivery.summary.title') })).toBeVisible();
      await page.getByRole('link', { name: msg('it', 'delivery.summary.home') }).click();
      await expect(page).toHaveURL(/#\/$/);
      await expect(blocked).toHaveCount(0);
      await expect(page.getByRole('link', { name: new RegExp(`^${escapeRegExp(msg('it', 'home.tiles.pickup'))}`) })).toBeVisible();
      expect((await host.call<{ blocking: unknown }>('counter.status')).blocking).toBeNull();
    });
  });

  test('in Italian, where the driver scans: the parcels arrive received and Done needs no question', async ({ page, launchHost }) => {
    const host = await launchHost();
    const { delivery, ids } = await driverArrives(host, 'demo-it');
    await page.goto(`${host.url}#/delivery/${delivery.id}`);
    await chooseLanguage(page, 'it');

    await expect(page.getByRole('heading', { level: 1, name: msg('it', 'delivery.title', { network: IT_NETWORK }) })).toBeVisible();
    await expect(page.getByTestId('driver-scanned')).toHaveText(msg('it', 'delivery.driverScanned'));
    await expect(page.getByTestId('delivery-counts')).toHaveText('4 / 4');
    for (const id of ids) {
      await expect(row(page, id)).toHaveAttribute('data-state', 'received');
      await expect(row(page, id)).toContainText(/Scaffale [A-C]\d/);
    }
    await expect(page.getByRole('button', { name: msg('it', 'delivery.actions.postpone') })).toHaveCount(0);
    await expect(page.getByTestId('deadline-banner')).toHaveCount(0);

    // Checking one in: nothing changes, and the staff are told.
    await host.scan(ids[0]!);
    await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'warning');
    await expect(scanFeedback(page)).toHaveText(msg('it', 'delivery.scan.already', { tracking: grouped(ids[0]!) }));

    await page.getByRole('button', { name: 'Fatto', exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const summary = page.getByRole('region', { name: msg('it', 'delivery.summary.title') });
    await expect(summary).toContainText(msg('it', 'delivery.summary.received', { count: 4 }));
    await expect(summary).toContainText(msg('it', 'delivery.summary.shelves'));
  });
});
