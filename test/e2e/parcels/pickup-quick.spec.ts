import type { Page } from '@playwright/test';
import type { ParcelView } from '../../../main/api/parcels/schemas';
import { escapeRegExp, parcelsByPickupCode, parcelsDelivered, stateOf } from '../counter-steps';
import { expectNoSeriousAxeViolations } from '../axe';
import { expect, test } from '../fixtures';
import type { RunningHost } from '../host';
import { grouped, msg, type Language } from '../locales';

/** A customer's pickup in as few actions as the counter allows. */

test.describe.configure({ timeout: 60_000 });

interface Customer {
  code: string;
  trackingIds: string[];
}

async function customerArrives(host: RunningHost): Promise<Customer> {
  await parcelsDelivered(host, 'demo-it', 3);
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
  await expect(page.getByTestId('pickup-counts')).toHaveText(
    msg('en', 'pickup.counts', { scanned: 0, total: customer.trackingIds.length }),
  );
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
  await expect(page.getByTestId('pickup-counts')).toHaveText(
    msg('en', 'pickup.counts', { scanned: 0, total: customer.trackingIds.length }),
  );
});

/** A driver brings three parcels; returns the customer who has exactly one of them. */
async function loneCustomerArrives(host: RunningHost): Promise<{ code: string; parcel: ParcelView }> {
  const byCode = parcelsByPickupCode('demo-it', await parcelsDelivered(host, 'demo-it', 3));
  const lone = [...byCode.entries()].find(([, parcels]) => parcels.length === 1);
  if (!lone) throw new Error('three consecutive demo parcels hold a customer with one');
  return { code: lone[0], parcel: lone[1][0]! };
}

/** Types the code on the home screen (one action) and waits for the customer's parcel list. */
async function openByTypedCode(page: Page, host: RunningHost, code: string, language: Language): Promise<void> {
  await host.call('settings.setLanguage', { language });
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.getByRole('main').getByRole('link', { name: new RegExp(`^${msg(language, 'home.tiles.pickup')}`) })).toBeVisible();
  for (const digit of code) await page.keyboard.press(digit, { delay: 60 });
  await expect(page.getByTestId('pickup-counts')).toHaveText(msg(language, 'pickup.counts', { scanned: 0, total: 1 }));
}

/**
 * The countdown as shown: main's clock stands still in these tests, the page's
 * goes on, so it may already show fewer seconds than main would.
 */
function countdown(language: Language, trackingId: string, atMost: number): RegExp {
  const [before, after] = msg(language, 'pickup.finish.countdown', { tracking: grouped(trackingId), seconds: '§' }).split('§') as [
    string,
    string,
  ];
  return new RegExp(`${escapeRegExp(before)}[0-${atMost}]${escapeRegExp(after)}`);
}

test.describe('one parcel: the scan finishes the pickup, with a short undo', () => {
  test('typed code on home, then the parcel scan: handed over 3 s later without a Done tap', async ({ page, launchHost }) => {
    const host = await launchHost();
    const { code, parcel } = await loneCustomerArrives(host);
    let actions = 0;

    await openByTypedCode(page, host, code, 'en');
    actions++;
    // Main's clock stands still so the window can be looked at; the user's actions are the same.
    await host.holdClock(true);
    await host.scan(parcel.trackingId);
    actions++;

    const undo = page.getByRole('button', { name: msg('en', 'pickup.finish.undo'), exact: true });
    await expect(undo).toBeInViewport({ ratio: 1 });
    expect((await undo.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await expect(page.getByTestId('pickup-finish')).toContainText(countdown('en', parcel.trackingId, 3));
    await expect(page.getByRole('button', { name: msg('en', 'common.done'), exact: true })).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('scan-feedback')).toHaveText(
      msg('en', 'pickup.feedback.scanned', { tracking: grouped(parcel.trackingId) }),
    );
    await expect(page.getByTestId('scan-feedback')).toBeInViewport();
    // Nothing is committed yet, and the screen does not say it is.
    expect(await stateOf(host, parcel.trackingId)).toBe('received');
    await expect(page.getByTestId('pickup-summary')).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);

    await host.holdClock(false);
    await expect(page.getByTestId('pickup-summary')).toHaveText(msg('en', 'pickup.handOver', { count: 1 }, 1), { timeout: 10_000 });
    expect(await stateOf(host, parcel.trackingId)).toBe('picked_up');
    await expect(undo).toHaveCount(0);
    expect(actions, 'the code typed, the parcel scanned: nothing else').toBeLessThanOrEqual(3);
  });

  test('Undo inside the window keeps the parcel in the store; the next scan opens a new window, and Done still finishes at once', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const { code, parcel } = await loneCustomerArrives(host);
    await openByTypedCode(page, host, code, 'fr');

    await host.holdClock(true);
    await host.scan(parcel.trackingId);
    await page.getByRole('button', { name: msg('fr', 'pickup.finish.undo'), exact: true }).click();
    await expect(page.getByTestId('scan-feedback')).toHaveText(msg('fr', 'pickup.finish.undone', { tracking: grouped(parcel.trackingId) }));
    await expect(page.getByTestId('pickup-counts')).toHaveText(msg('fr', 'pickup.counts', { scanned: 0, total: 1 }));
    await expect(page.getByTestId('pickup-finish')).toHaveCount(0);

    // Long after the window: still in the store, the pickup still open.
    await host.holdClock(false);
    await host.advanceClock(60_000);
    expect(await stateOf(host, parcel.trackingId)).toBe('received');
    await expect(page.getByTestId('pickup-counts')).toHaveText(msg('fr', 'pickup.counts', { scanned: 0, total: 1 }));

    await host.holdClock(true);
    await host.scan(parcel.trackingId);
    await expect(page.getByTestId('pickup-finish')).toBeVisible();
    await page.getByRole('button', { name: msg('fr', 'common.done'), exact: true }).click();
    await expect(page.getByTestId('pickup-summary')).toHaveText(msg('fr', 'pickup.handOver', { count: 1 }, 1));
    expect(await stateOf(host, parcel.trackingId)).toBe('picked_up');
    await host.holdClock(false);
  });

  test('a reload inside the window shows the undo again, and the hand-over still happens when it closes', async ({ page, launchHost }) => {
    const host = await launchHost();
    const { code, parcel } = await loneCustomerArrives(host);
    await openByTypedCode(page, host, code, 'it');

    await host.holdClock(true);
    await host.scan(parcel.trackingId);
    const undo = page.getByRole('button', { name: msg('it', 'pickup.finish.undo'), exact: true });
    await expect(undo).toBeVisible();
    await host.advanceClock(1_000);
    await page.reload();
    await expect(undo).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('pickup-finish')).toContainText(countdown('it', parcel.trackingId, 2));
    expect(await stateOf(host, parcel.trackingId)).toBe('received');

    await host.holdClock(false);
    await expect(page.getByTestId('pickup-summary')).toHaveText(msg('it', 'pickup.handOver', { count: 1 }, 1), { timeout: 10_000 });
    expect(await stateOf(host, parcel.trackingId)).toBe('picked_up');
  });
});
