import { expect, test } from '../fixtures';
import { msg } from '../locales';
import { expectNamedTouchTargets } from '../touch';

interface StoreProfile {
  name: string;
  timeZone: string;
  address: { countryCode: string };
}

/** Settings → Store, in Italian: what main stored survives a reload; a refused field is shown and changes nothing. */
test.describe('store details', () => {
  test('name and time zone are saved and kept after a reload; a bad country code is refused with a visible error and nothing changes', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    await host.call('settings.setLanguage', { language: 'it' });
    const it = (path: string, vars: Record<string, string | number> = {}) => msg('it', path, vars);

    await page.goto(`${host.url}#/settings`);
    const form = page.getByRole('form', { name: it('settings.store.title') });
    const name = form.getByLabel(it('settings.store.name'));
    const zone = form.getByLabel(it('settings.store.timeZone'));
    await expect(name).toHaveValue('OpenCounter demo shop');
    await name.fill('Bottega Rossi');
    await zone.selectOption('Europe/Rome');
    await form.getByRole('button', { name: it('settings.store.save') }).click();
    await expect(form.getByTestId('store-saved')).toHaveText(it('settings.store.saved'));
    const saved = await host.call<StoreProfile>('store.profile');
    expect(saved).toMatchObject({ name: 'Bottega Rossi', timeZone: 'Europe/Rome' });
    await expectNamedTouchTargets(page);

    await page.reload();
    await expect(name).toHaveValue('Bottega Rossi');
    await expect(zone).toHaveValue('Europe/Rome');

    // "italy" is not a two-letter code: main refuses it, the form says so next to the field, nothing is stored.
    const country = form.getByLabel(it('settings.store.fields.countryCode'));
    await expect(country).toHaveValue('IT');
    await country.fill('italy');
    await name.fill('Bottega Bianchi');
    await form.getByRole('button', { name: it('settings.store.save') }).click();
    const error = form.getByRole('alert');
    await expect(error).toContainText(it('errors.BAD_INPUT'));
    await expect(error).not.toContainText('address.countryCode');
    await expect(error).toContainText(it('settings.checkMarked'));
    await expect(country).toHaveAttribute('aria-invalid', 'true');
    await expect(country).toBeFocused();
    await expect(country).toHaveAccessibleDescription(it('errors.reasons.format'));
    await expect(form).toHaveAttribute('aria-describedby', (await error.getAttribute('id'))!);
    await expect(form.getByTestId('store-saved')).toHaveCount(0);
    expect(await host.call<StoreProfile>('store.profile')).toEqual(saved);

    await page.reload();
    await expect(name).toHaveValue('Bottega Rossi');
    await expect(country).toHaveValue('IT');
  });
});
