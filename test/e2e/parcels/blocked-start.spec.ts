import type { Page } from '@playwright/test';
import type { DeliveryView } from '../../../main/api/parcels/schemas';
import { expectNoSeriousAxeViolations } from '../axe';
import { expect, test } from '../fixtures';
import type { RunningHost } from '../host';
import { msg } from '../locales';

/**
 * A counter blocked by a missed intake window must stay usable after the page
 * is reloaded or the app restarted on the same data: the blocked screen, the
 * top bar, the driver QR, help and the pending task itself.
 */

async function blockedIntake(host: RunningHost): Promise<DeliveryView> {
  const delivery = await host.call<DeliveryView>('training.driverArrives', { networkId: 'demo-fr', count: 3 });
  await host.advanceClock(31 * 60_000);
  const status = await host.call<{ blocking: { kind: string; deliveryId: number } | null }>('counter.status');
  expect(status.blocking).toMatchObject({ kind: 'intake', deliveryId: delivery.id });
  return delivery;
}

async function expectBlockedCounterWorks(page: Page, delivery: DeliveryView): Promise<void> {
  const nav = page.getByRole('navigation', { name: msg('en', 'nav.label') });
  const blocked = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: msg('en', 'blocked.title') }) });
  await expect(blocked).toBeVisible();
  await expect(page.getByText(msg('en', 'app.unreachable'))).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await nav.getByRole('link', { name: msg('en', 'nav.driverQr'), exact: true }).click();
  await expect(page.getByTestId('driver-code')).toHaveText(/^\d{3} \d{3}$/);
  await expect(page.getByRole('img', { name: msg('en', 'driverQr.qrAria') })).toBeVisible();

  await nav.getByRole('link', { name: msg('en', 'nav.helpLabel') }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg('en', 'help.title') })).toBeVisible();

  await nav.getByRole('link', { name: msg('en', 'nav.home'), exact: true }).click();
  await blocked.getByRole('link', { name: msg('en', 'blocked.go.intake') }).click();
  await expect(page).toHaveURL(new RegExp(`#/delivery/${delivery.id}$`));
  await expect(page.getByTestId('delivery-counts')).toHaveText(`0 / ${delivery.parcels.length}`);
}

test.describe.configure({ timeout: 90_000 });

test('blocked, then the page is reloaded: the blocked screen, top bar, driver QR, help and the intake all work', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost();
  const delivery = await blockedIntake(host);
  await page.goto(host.url);
  await page.reload();
  await expectBlockedCounterWorks(page, delivery);

  // Reloaded on the pending task itself: it still shows and takes a scan.
  await page.reload();
  await expect(page.getByTestId('delivery-counts')).toHaveText(`0 / ${delivery.parcels.length}`);
  await host.scan(delivery.parcels[0]!.trackingId);
  await expect(page.getByTestId('delivery-counts')).toHaveText(`1 / ${delivery.parcels.length}`);
});

test('blocked, then the app restarts on the same data: the blocked counter still works', async ({ page, launchHost, makeTempDir }) => {
  const dataDir = makeTempDir();
  const first = await launchHost({ dataDir });
  const delivery = await blockedIntake(first);
  await first.stop();

  const second = await launchHost({ dataDir });
  // A fresh process starts its test clock at real time again: move it past the stored deadline once more.
  await second.advanceClock(31 * 60_000);
  await page.goto(second.url);
  await expectBlockedCounterWorks(page, delivery);
});
