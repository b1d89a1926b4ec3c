import type { DeliveryView } from '../../../main/api/parcels/schemas';
import { expectNoSeriousAxeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { grouped, msg } from '../locales';

/** A long delivery as the clerk meets it: scrolled down, the last scan's verdict still in view; a row acts on its own parcel. */

test.describe.configure({ timeout: 60_000 });

test('on a 15-parcel delivery scrolled to the bottom, a wrong label’s red bar is within the viewport', async ({ page, launchHost }) => {
  const host = await launchHost();
  const delivery = await host.call<DeliveryView>('training.driverArrives', { networkId: 'demo-fr', count: 15 });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${host.url}#/delivery/${delivery.id}`);
  await expect(page.getByTestId('delivery-counts')).toHaveText('0 / 15');
  await host.scan(delivery.parcels[0]!.trackingId);
  await expect(page.getByTestId('delivery-counts')).toHaveText('1 / 15');

  const lastRow = page.getByTestId('delivery-parcel').last();
  await lastRow.scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport();

  await host.scan('QC0000009999X');
  const bar = page.getByTestId('scan-feedback');
  await expect(bar).toHaveAttribute('data-tone', 'error');
  await expect(bar).toBeInViewport({ ratio: 1 });
  // Refusals interrupt a screen reader: the verdict sits in the alert region, once.
  await expect(page.locator('[aria-live="assertive"]').filter({ has: bar })).toHaveCount(1);
  await expect(lastRow).toBeInViewport();

  await host.scan(delivery.parcels[14]!.trackingId);
  await expect(bar).toHaveAttribute('data-tone', 'success');
  await expect(bar).toBeInViewport({ ratio: 1 });
  await expect(page.locator('[aria-live="polite"]').filter({ has: bar })).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
});

test('a row’s "Cannot scan" takes in that parcel, and an unscanned row is not drawn as a checkbox', async ({ page, launchHost }) => {
  const host = await launchHost();
  const delivery = await host.call<DeliveryView>('training.driverArrives', { networkId: 'demo-fr', count: 4 });
  const target = delivery.parcels[2]!;
  await page.goto(`${host.url}#/delivery/${delivery.id}`);
  const row = page.getByTestId('delivery-parcel').filter({ hasText: grouped(target.trackingId) });
  await expect(row).toHaveAttribute('data-state', 'expected');
  // No empty square pretending to be a checkbox.
  await expect(row.locator('.scan-row__box')).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);

  await row.click();
  await expect(row).toHaveAttribute('aria-expanded', 'true');
  const actions = page.getByRole('group', { name: msg('en', 'delivery.rowActions', { tracking: grouped(target.trackingId) }) });
  await expectNoSeriousAxeViolations(page);
  await actions.getByRole('button', { name: msg('en', 'delivery.actions.cannotScan') }).click();

  await expect(row).toHaveAttribute('data-state', 'received');
  await expect(page.getByTestId('delivery-counts')).toHaveText('1 / 4');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-tone', 'success');
  await expect(page.getByTestId('scan-feedback')).toContainText(grouped(target.trackingId));
  const after = await host.call<DeliveryView>('delivery.get', { deliveryId: delivery.id });
  expect(after.parcels.filter((p) => p.state === 'received').map((p) => p.trackingId)).toEqual([target.trackingId]);
});
