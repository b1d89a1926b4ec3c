import type { DeliveryView } from '../../../main/api/parcels/schemas';
import { expectNoSeriousAxeViolations } from '../axe';
import { expect, test } from '../fixtures';
import type { RunningHost } from '../host';
import { msg } from '../locales';

/** A customer's pickup in as few actions as the counter allows. */

test.describe.configure({ timeout: 60_000 });

interface Customer {
  code: string;
  trackingIds: string[];
}

async function customerArrives(host: RunningHost): Promise<Customer> {
  const delivery = await host.call<DeliveryView>('training.driverArrives', { networkId: 'demo-it', count: 3 });
  await host.call('delivery.complete', { deliveryId: delivery.id });
  return host.call<Customer>('training.customerArrives', { networkId: 'demo-it' });
}

test('six digits typed on the home screen open that customer’s pickup at once', async ({ page, launchHost }) => {
  const host = await launchHost();
  const customer = await customerArrives(host);
  await page.goto(host.url);
  await expect(page.getByRole('main').getByRole('link', { name: new RegExp(`^${msg('en', 'home.tiles.pickup')}`) })).toBeVisible();

  // One action: the six digits, typed at a person's pace, nothing else.
  for (const digit of customer.code) await page.keyboard.press(digit, { delay: 60 });
  await expect(page).toHaveURL(/#\/pickup/);
  await expect(page.getByTestId('pickup-counts')).toHaveText(msg('en', 'pickup.counts', { scanned: 0, total: customer.trackingIds.length }));
  await expect(page.getByRole('button', { name: msg('en', 'common.done') })).toBeInViewport({ ratio: 1 });
  await expectNoSeriousAxeViolations(page);
});

test('on the keypad the sixth digit submits the code, no OK needed', async ({ page, launchHost }) => {
  const host = await launchHost();
  const customer = await customerArrives(host);
  await page.goto(`${host.url}#/pickup`);
  await page.getByRole('button', { name: msg('en', 'pickup.enterCode') }).click();
  const keypad = page.getByRole('group', { name: msg('en', 'keypad.label') });
  for (const digit of customer.code) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByTestId('pickup-counts')).toHaveText(msg('en', 'pickup.counts', { scanned: 0, total: customer.trackingIds.length }));
});
