import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { messages, startsWith } from './locales';

const MIN_TARGET_PX = 48;

/**
 * Every button and link (network tabs are buttons too) has an accessible name
 * and a box at least 48×48. Returns how many controls there are.
 */
async function expectNamedTouchTargets(page: Page): Promise<number> {
  let total = 0;
  const problems: string[] = [];
  for (const role of ['button', 'link', 'tab'] as const) {
    const all = page.getByRole(role);
    const count = await all.count();
    total += count;
    // Same count with a non-empty name required: none is nameless.
    await expect(page.getByRole(role, { name: /\S/ }), `every ${role} has an accessible name`).toHaveCount(count);
    const boxes = await all.evaluateAll((elements) =>
      elements.map((el) => {
        const { width, height } = el.getBoundingClientRect();
        return { html: el.outerHTML.slice(0, 100), width, height };
      }),
    );
    for (const { html, width, height } of boxes) {
      if (width < MIN_TARGET_PX || height < MIN_TARGET_PX) problems.push(`${html}: ${width.toFixed(1)}×${height.toFixed(1)} px`);
    }
  }
  expect(problems, `controls smaller than ${MIN_TARGET_PX}×${MIN_TARGET_PX} px`).toEqual([]);
  return total;
}

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
