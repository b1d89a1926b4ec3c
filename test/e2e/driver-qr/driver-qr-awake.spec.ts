import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { messages } from '../locales';

const en = messages.en;

/**
 * Headless Chromium grants a screen wake lock on 127.0.0.1, but offers no way
 * to ask which locks are held: this init script passes every request to the
 * real API and keeps the sentinels it returns, so the test can read them.
 */
async function watchWakeLocks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const held: WakeLockSentinel[] = [];
    (window as unknown as { wakeLocks: WakeLockSentinel[] }).wakeLocks = held;
    const request = navigator.wakeLock.request.bind(navigator.wakeLock);
    navigator.wakeLock.request = async (type) => {
      const sentinel = await request(type);
      held.push(sentinel);
      return sentinel;
    };
  });
}

const wakeLocks = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { wakeLocks: WakeLockSentinel[] }).wakeLocks.map((l) => ({ type: l.type, released: l.released })),
  );

test('the driver QR holds a screen wake lock while it shows, takes it again when the page shows again, and lets it go when it closes', async ({
  page,
  host,
}) => {
  // The browser host's main cannot keep the display on: it tells the page to.
  expect(await host.call('display.keepAwake', { awake: true })).toEqual({ heldBy: 'page' });
  await watchWakeLocks(page);
  await page.goto('/');
  await expect(page.getByRole('link', { name: en.nav.home })).toBeVisible();
  expect(await wakeLocks(page)).toEqual([]);

  await page.getByRole('navigation').getByRole('link', { name: en.nav.driverQr }).click();
  await expect(page.getByTestId('driver-code')).toHaveText(/^\d{3} \d{3}$/);
  await expect.poll(() => wakeLocks(page)).toEqual([{ type: 'screen', released: false }]);

  // The browser drops the lock when the page is hidden; shown again, the page asks anew.
  await page.evaluate(async () => {
    const [lock] = (window as unknown as { wakeLocks: WakeLockSentinel[] }).wakeLocks;
    await lock!.release();
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect
    .poll(() => wakeLocks(page))
    .toEqual([
      { type: 'screen', released: true },
      { type: 'screen', released: false },
    ]);

  await page.getByRole('navigation').getByRole('link', { name: en.nav.home }).click();
  await expect(page).not.toHaveURL(/#\/driver/);
  await expect
    .poll(() => wakeLocks(page))
    .toEqual([
      { type: 'screen', released: true },
      { type: 'screen', released: true },
    ]);
});
