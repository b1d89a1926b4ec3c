import { expect, test } from '../fixtures';
import { messages, startsWith } from '../locales';
import { expectNamedTouchTargets } from '../touch';

test('every control on the home and driver QR screens is named and at least 48×48 px', async ({ page, hostCore }) => {
  await page.goto('/');
  const driverTile = page.getByRole('main').getByRole('link', { name: startsWith(messages.en.home.tiles.driverDelivery) });
  await expect(driverTile).toBeVisible();
  await test.step('home', async () => {
    // 3 nav links + 3 language buttons + 7 tiles (+ a deadline banner link when one runs).
    expect(await expectNamedTouchTargets(page)).toBeGreaterThanOrEqual(13);
  });

  await driverTile.click();
  await expect(page.getByTestId('driver-code')).toHaveText(/^\d{3} \d{3}$/);
  const networks = hostCore.core.networks.list().filter((n) => n.enabled);
  await expect(page.getByRole('tab')).toHaveCount(networks.length);
  await test.step('driver QR', async () => {
    // 3 nav links + 3 language buttons + "Scan parcels now" + one tab per network.
    expect(await expectNamedTouchTargets(page)).toBeGreaterThanOrEqual(7 + networks.length);
  });
});
