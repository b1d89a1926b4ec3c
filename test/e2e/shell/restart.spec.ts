import { expect, test } from '../fixtures';
import { messages, startsWith } from '../locales';

test('the language chosen survives a restart on the same data dir', async ({ browser, launchHost, makeTempDir }) => {
  // Two host starts and two page loads: on a busy 2-core machine (a load of 20) that alone took 30 s.
  test.slow();
  // Own hosts and browser contexts only: this test does not touch the shared host.
  const dataDir = makeTempDir();
  const first = await launchHost({ dataDir });
  const before = await browser.newContext({ locale: 'en-US' });
  const page = await before.newPage();
  await page.goto(first.url);
  // A fresh counter follows the browser (en-US here).
  await expect(page.getByRole('main').getByRole('link', { name: startsWith(messages.en.home.tiles.driverDelivery) })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: messages.en.language.names.it, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  // The screen switches at once; wait until main has stored the choice before stopping it.
  await expect.poll(() => first.call<{ language: string | null }>('settings.get')).toEqual({ language: 'it' });
  await before.close();
  await first.stop();

  const second = await launchHost({ dataDir });
  // A new browser context that still prefers English: the Italian can only come from the data dir.
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const fresh = await context.newPage();
    await fresh.goto(second.url);
    const it = messages.it;
    const main = fresh.getByRole('main');
    await expect(main.getByRole('link', { name: startsWith(it.home.tiles.driverDelivery) })).toBeVisible();
    await expect(fresh.locator('html')).toHaveAttribute('lang', 'it');
    await expect(main.getByRole('link', { name: startsWith(it.home.tiles.help) })).toBeVisible();
    await expect(main.getByRole('link', { name: startsWith(it.home.tiles.settings) })).toBeVisible();
    await expect(main.getByRole('link', { name: startsWith(it.home.tiles.pickup) })).toBeVisible();
    await expect(fresh.getByRole('button', { name: it.language.names.it, exact: true })).toHaveAttribute('aria-pressed', 'true');
  } finally {
    await context.close();
  }
});
