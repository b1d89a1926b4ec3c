import { expect, test } from '../fixtures';
import { customer, newItem, technician } from '../../fixtures/service-seed';
import { msg, type Language } from '../locales';

for (const language of ['en', 'fr'] as const satisfies readonly Language[]) {
  test(`route settings in ${language}: a road factor out of range is refused next to the field, a new one changes the technician's day distances`, async ({
    page,
    launchHost,
  }) => {
    test.setTimeout(120_000);
    const host = await launchHost();
    await host.call('settings.setLanguage', { language });
    const m = (key: string, vars: Record<string, string | number> = {}) => msg(language, key, vars);
    const km = (value: number) => m('service.km', { km: value.toFixed(1) });

    // Anna starts in Milan's centre and has two visits today, a few kilometres out.
    const anna = await host.call<{ id: number }>('service.technicians.save', technician('Anna Bianchi'));
    const { today } = await host.call<{ today: string }>('service.home');
    for (const [name, latitude, longitude] of [
      ['Maria Rossi', 45.5, 9.23],
      ['Luca Neri', 45.43, 9.25],
    ] as const) {
      const { id: customerId } = await host.call<{ id: number }>(
        'service.customers.save',
        customer(name, { address: '', latitude, longitude, phone: '' }),
      );
      const order = await host.call<{ lines: { id: number }[] }>('service.orders.create', {
        customerId,
        fault: 'No hot water',
        priority: 'medium',
        windows: [],
        lines: [{ newItem: newItem('Boiler'), fault: 'No hot water', estimatedHours: 1 }],
      });
      await host.call('service.allocate', { lineId: order.lines[0]!.id, technicianId: anna.id, date: today, hours: 1 });
    }
    const before = await host.call<{ plannedKm: number }>('service.day', { technicianId: anna.id, date: today });
    await page.goto(`${host.url}#/service/day/${anna.id}/${today}`);
    await expect(page.getByTestId('planned-km')).toHaveText(km(before.plannedKm));

    // The route screen, from the service setup screens.
    await page.getByRole('link', { name: m('service.nav.setup') }).click();
    await page.getByRole('link', { name: m('service.setup.nav.service-route') }).click();
    await expect(page.getByRole('heading', { level: 1, name: m('service.setup.route.title') })).toBeVisible();
    const roadFactor = page.getByRole('spinbutton', { name: m('service.setup.route.roadFactor') });
    await expect(roadFactor).toHaveValue('1.3');

    // Below 1 a road would be shorter than the straight line: refused next to the field, nothing saved.
    await roadFactor.fill('0.5');
    await page.getByRole('button', { name: m('service.setup.route.save') }).click();
    await expect(roadFactor).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await roadFactor.getAttribute('aria-describedby')}`)).toHaveText(
      m('errors.reasons.tooSmall', { min: 1 }),
    );
    await expect(roadFactor).toBeFocused();
    expect(await host.call('service.route.get')).toEqual({ roadFactor: 1.3, speedKmh: 40 });

    await roadFactor.fill('2');
    await page.getByRole('button', { name: m('service.setup.route.save') }).click();
    await expect(roadFactor).not.toHaveAttribute('aria-invalid', 'true');
    await expect.poll(() => host.call('service.route.get')).toEqual({ roadFactor: 2, speedKmh: 40 });

    // The same day, now planned with the longer roads.
    await page.goto(`${host.url}#/service/day/${anna.id}/${today}`);
    const after = (before.plannedKm / 1.3) * 2;
    await expect(page.getByTestId('planned-km')).toHaveText(km(after));
    expect(after).toBeGreaterThan(before.plannedKm + 1);
  });
}
