import { expect, test } from '../fixtures';
import { messages, msg, startsWith, type Language } from '../locales';

test('the home screen switches between English, Italian and French with the language buttons', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  const main = page.getByRole('main');

  // The host fixture set the language to English.
  await expect(main.getByRole('link', { name: startsWith(messages.en.home.tiles.driverDelivery) })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: messages.en.language.names.en, exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Italian first, then French, then back to English: each one a real switch.
  let current: Language = 'en';
  for (const language of ['it', 'fr', 'en'] as const) {
    await test.step(language, async () => {
      const m = messages[language];
      const languageButton = page.getByRole('button', { name: messages[current].language.names[language], exact: true });
      await languageButton.click();
      current = language;

      await expect(html).toHaveAttribute('lang', language);
      await expect(languageButton).toHaveAttribute('aria-pressed', 'true');
      for (const other of ['it', 'fr', 'en'] as const) {
        if (other === language) continue;
        await expect(page.getByRole('button', { name: m.language.names[other], exact: true })).toHaveAttribute('aria-pressed', 'false');
      }
      await expect(main.getByRole('heading', { level: 1, name: m.home.title, exact: true })).toBeAttached();
      for (const tile of ['driverDelivery', 'pickup', 'driverPickup', 'help', 'settings', 'training'] as const) {
        await expect(main.getByRole('link', { name: startsWith(m.home.tiles[tile]) })).toBeVisible();
      }
      // Inventory and opening hours open their screens; today's hours are shown above the tiles.
      await expect(main.getByRole('link', { name: startsWith(m.home.tiles.inventory) })).toBeVisible();
      await expect(main.getByRole('link', { name: startsWith(m.hours.title) })).toBeVisible();
      await expect(main.getByTestId('today-hours')).toContainText(m.hours.today);
      await expect(main.getByRole('link', { name: startsWith(msg(language, 'service.title')) })).toBeVisible();
      await expect(main.getByRole('link', { name: startsWith(msg(language, 'home.tiles.support')) })).toBeVisible();
      await expect(main.getByRole('link', { name: startsWith(msg(language, 'home.tiles.staff')) })).toBeVisible();
      // Exactly those eleven tiles.
      await expect(main.locator('.tiles').getByRole('link')).toHaveCount(11);
      await expect(main.locator('.tiles').getByRole('button')).toHaveCount(0);
      const nav = page.getByRole('navigation');
      await expect(nav.getByRole('link', { name: m.nav.home, exact: true })).toBeVisible();
      await expect(nav.getByRole('link', { name: m.nav.driverQr, exact: true })).toBeVisible();
      await expect(nav.getByRole('link', { name: m.nav.helpLabel, exact: true })).toBeVisible();
    });
  }
});
