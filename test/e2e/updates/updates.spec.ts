import { expectNoSeriousAxeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { msg } from '../locales';
import { expectNamedTouchTargets } from '../touch';

/** Settings → Updates and start in French, and "Attach diagnostics" on a case: what the browser host can show. */
test('in French: version and channel in settings, the beta channel kept after a reload, diagnostics attached to a case in one tap', async ({
  page,
  launchHost,
}) => {
  // axe over the whole settings page takes tens of seconds on a loaded 2-core machine.
  test.setTimeout(90_000);
  const host = await launchHost();
  await host.call('settings.setLanguage', { language: 'fr' });
  const fr = (path: string, vars: Record<string, string | number> = {}) => msg('fr', path, vars);

  await page.goto(`${host.url}#/settings`);
  await expect(page.getByRole('heading', { name: fr('updates.settings.title') })).toBeVisible();
  const status = await host.call<{ version: string }>('updates.status');
  await expect(page.getByTestId('update-version')).toHaveText(status.version);
  // The browser host cannot update itself: it says so. Opening at login is kept for the installed app, and says that too.
  await expect(page.getByText(fr('updates.settings.unavailable'))).toBeVisible();
  await page.getByRole('checkbox', { name: fr('updates.settings.openAtLogin') }).check();
  await expect.poll(async () => (await host.call<{ openAtLogin: boolean }>('updates.status')).openAtLogin).toBe(true);
  await expect(page.getByText(fr('updates.settings.openAtLoginInstalledApp'))).toBeVisible();

  await page.getByRole('radio', { name: fr('updates.channels.beta') }).check();
  await expect.poll(async () => (await host.call<{ channel: string }>('updates.status')).channel).toBe('beta');
  await page.reload();
  await expect(page.getByRole('radio', { name: fr('updates.channels.beta') })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: fr('updates.settings.openAtLogin') })).toBeChecked();
  await expectNamedTouchTargets(page);
  await expectNoSeriousAxeViolations(page);

  const opened = await host.call<{ id: number }>('support.open', {
    networkId: 'demo-fr',
    subject: 'Le scanner ne lit plus',
    email: 'boutique@example.com',
    product: 'scanner',
    requestType: 'technical',
    impact: 'degraded',
    description: 'Il bipe mais ne lit rien',
  });
  await page.goto(`${host.url}#/support/case/${opened.id}`);
  await page.getByRole('button', { name: fr('updates.diagnostics.attach') }).click();
  await expect(page.getByText(fr('updates.diagnostics.attached'))).toBeVisible();
  await expect(page.getByRole('button', { name: /diagnostics-\d{8}-\d{6}\.zip$/ })).toBeVisible();
  await expect(page.getByText(fr('updates.diagnostics.body'))).toBeVisible();
});
