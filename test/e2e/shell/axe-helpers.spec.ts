import { expectNoSeriousAxeViolations, expectNoWcagViolations } from '../axe';
import { expect, test } from '../fixtures';

// Every screen's accessibility check rests on these two helpers: a fault put on a screen must fail both.
test('the accessibility checks refuse a screen with a button nobody can name', async ({ page, launchHost }) => {
  const host = await launchHost();
  await page.goto(`${host.url}#/settings`);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expectNoWcagViolations(page);
  await page.evaluate(() => document.body.appendChild(document.createElement('button')));
  await expect(expectNoSeriousAxeViolations(page)).rejects.toThrow(/button-name/);
  await expect(expectNoWcagViolations(page)).rejects.toThrow(/button-name/);
});
