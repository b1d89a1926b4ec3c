import { expect, test } from '../fixtures';
import { messages, type Language } from '../locales';

test('"?" opens the tips for the current screen in the current language', async ({ page }) => {
  const cases: { screen: 'home' | 'driver'; path: string; language: Language }[] = [
    { screen: 'home', path: '/', language: 'it' },
    { screen: 'driver', path: '/#/driver', language: 'fr' },
  ];
  let current: Language = 'en';
  for (const { screen, path, language } of cases) {
    await test.step(`${screen} in ${language}`, async () => {
      await page.goto(path);
      await page.getByRole('button', { name: messages[current].language.names[language], exact: true }).click();
      current = language;
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const m = messages[language];

      await page.getByRole('navigation').getByRole('link', { name: m.nav.helpLabel, exact: true }).click();

      await expect(page).toHaveURL(new RegExp(`#/help\\?screen=${screen}$`));
      await expect(page.getByRole('heading', { level: 1, name: m.help.title, exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: m.help.screens[screen], exact: true })).toBeVisible();
      await expect(page.getByRole('main').getByRole('listitem')).toHaveText(m.help.tips[screen]);
    });
  }
});
