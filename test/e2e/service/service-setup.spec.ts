import { expectNoWcagViolations } from '../axe';
import { expect, test } from '../fixtures';
import { msg, type Language } from '../locales';

for (const language of ['en', 'it'] as const satisfies readonly Language[]) {
  test(`service setup in ${language}: skills, a zone, a team and a technician with working hours through the screens, then on the dispatch board`, async ({
    page,
    launchHost,
  }) => {
    test.setTimeout(180_000);
    const host = await launchHost();
    await host.call('settings.setLanguage', { language });
    // axe in English only: the same screens in Italian have the same controls with other words.
    const checkAccessibility = () => (language === 'en' ? expectNoWcagViolations(page) : Promise.resolve());
    const m = (key: string, vars: Record<string, string | number> = {}) => msg(language, key, vars);
    const heading = (key: string) => page.getByRole('heading', { level: 1, name: m(key) });

    // Skills: an empty code is refused next to the code field, and nothing is saved.
    await page.goto(`${host.url}#/service`);
    await page.getByRole('link', { name: m('service.nav.setup') }).click();
    await page.getByRole('link', { name: m('service.setup.nav.service-skills') }).click();
    await expect(heading('service.setup.skills.title')).toBeVisible();
    await checkAccessibility();
    const code = page.getByLabel(m('service.setup.code'), { exact: true });
    const name = page.getByLabel(m('service.setup.name'), { exact: true });
    await name.fill('Gas appliances');
    await page.getByRole('button', { name: m('service.setup.save'), exact: true }).click();
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await code.getAttribute('aria-describedby')}`)).toHaveText(m('service.setup.rules.code'));
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');
    expect(await host.call('service.skills.list')).toEqual([]);
    await checkAccessibility();
    for (const [c, n] of [
      ['gas', 'Gas appliances'],
      ['boiler', 'Boilers'],
    ]) {
      await code.fill(c!);
      await name.fill(n!);
      await page.getByRole('button', { name: m('service.setup.save'), exact: true }).click();
      await expect(page.getByRole('cell', { name: n, exact: true })).toBeVisible();
    }

    // A zone and a team.
    await page.getByRole('link', { name: m('service.setup.nav.service-zones') }).click();
    await expect(heading('service.setup.zones.title')).toBeVisible();
    await code.fill('NORD');
    await name.fill('Milano nord');
    await page.getByRole('button', { name: m('service.setup.save'), exact: true }).click();
    await expect(page.getByRole('cell', { name: 'Milano nord', exact: true })).toBeVisible();
    await checkAccessibility();
    await page.getByRole('link', { name: m('service.setup.nav.service-teams') }).click();
    await expect(heading('service.setup.teams.title')).toBeVisible();
    await code.fill('HEAT');
    await name.fill('Heating team');
    await page.getByRole('button', { name: m('service.setup.save'), exact: true }).click();
    await expect(page.getByRole('cell', { name: 'Heating team', exact: true })).toBeVisible();
    await checkAccessibility();

    // The technician: skills, a zone from a date, a start with only a latitude (refused next to the longitude), then fixed.
    await page.getByRole('link', { name: m('service.setup.nav.service-technicians') }).click();
    await expect(heading('service.setup.technicians.title')).toBeVisible();
    await checkAccessibility();
    await page.getByRole('button', { name: m('service.setup.technicians.new') }).click();
    await page.getByLabel(m('service.setup.name'), { exact: true }).fill('Carla Neri');
    await page.getByRole('checkbox', { name: 'Gas appliances' }).check();
    await page.getByRole('checkbox', { name: 'Boilers' }).check();
    await page.getByRole('checkbox', { name: 'Heating team' }).check();
    await page.getByRole('button', { name: m('service.setup.technicians.addZone') }).click();
    await page.getByRole('combobox', { name: m('service.setup.technicians.zone', { n: 1 }) }).selectOption('NORD');
    await page.getByLabel(m('service.setup.technicians.startingDate', { n: 1 })).fill('2020-01-01');
    await page.getByLabel(m('service.customer.latitude'), { exact: true }).fill('45.47');
    // Saturday: a short morning instead of the day off.
    const saturday = new Intl.DateTimeFormat(m('service.localeTag'), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 6));
    await page.getByRole('button', { name: m('hours.addRangeOn', { day: saturday }) }).click();
    await page.getByLabel(m('hours.closesOn', { day: saturday, n: 1 })).fill('12:00');
    await page.getByRole('button', { name: m('service.setup.technicians.save') }).click();
    const longitude = page.getByLabel(m('service.customer.longitude'), { exact: true });
    await expect(longitude).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await longitude.getAttribute('aria-describedby')}`)).toHaveText(m('errors.reasons.coordinatesTogether'));
    await expect(longitude).toBeFocused();
    expect(await host.call('service.technicians.list')).toEqual([]);
    await checkAccessibility();
    await longitude.fill('9.2');
    await page.getByRole('button', { name: m('service.setup.technicians.save') }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: m('service.setup.technicians.editTitle', { name: 'Carla Neri' }) }),
    ).toBeVisible();
    const [carla] =
      await host.call<
        { id: number; skills: string[]; zones: unknown[]; groups: string[]; latitude: number; longitude: number; week: unknown[][] }[]
      >('service.technicians.list');
    expect(carla).toMatchObject({
      skills: ['gas', 'boiler'],
      zones: [{ zone: 'NORD', startingDate: '2020-01-01' }],
      groups: ['HEAT'],
      latitude: 45.47,
      longitude: 9.2,
    });
    expect(carla!.week[5]).toEqual([{ opens: '09:00', closes: '12:00' }]);

    // An absence on the technician, then the item group and the service hours screens.
    await page.getByLabel(m('service.setup.absences.date'), { exact: true }).fill('2020-01-02');
    await page.getByLabel(m('service.setup.absences.reason'), { exact: true }).fill('Training');
    await page.getByRole('button', { name: m('service.setup.absences.add'), exact: true }).click();
    await expect(page.getByText('Training')).toBeVisible();
    await checkAccessibility();

    await page.getByRole('link', { name: m('service.setup.nav.service-item-groups') }).click();
    await expect(heading('service.setup.itemGroups.title')).toBeVisible();
    await page.getByRole('button', { name: m('service.setup.itemGroups.new') }).click();
    await page.getByLabel(m('service.setup.code'), { exact: true }).fill('BOIL');
    await page.getByLabel(m('service.setup.name'), { exact: true }).fill('Boilers');
    await page.getByLabel(m('service.setup.itemGroups.responseHours'), { exact: true }).fill('0');
    await page.getByRole('checkbox', { name: 'Gas appliances' }).check();
    await page.getByRole('button', { name: m('service.setup.itemGroups.addStep') }).click();
    await page.getByLabel(m('service.setup.itemGroups.step', { n: 1 }), { exact: true }).fill('Check the pressure');
    // A second step, taken back by its own Remove: each row's Remove is named by its step.
    await page.getByRole('button', { name: m('service.setup.itemGroups.addStep') }).click();
    await page.getByRole('button', { name: m('service.setup.itemGroups.removeStep', { n: 2 }) }).click();
    await expect(page.getByLabel(m('service.setup.itemGroups.step', { n: 2 }), { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: m('service.setup.save'), exact: true }).click();
    const hours = page.getByLabel(m('service.setup.itemGroups.responseHours'), { exact: true });
    await expect(hours).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await hours.getAttribute('aria-describedby')}`)).toHaveText(m('service.setup.rules.responseHours'));
    expect(await host.call('service.groups.list')).toEqual([]);
    await checkAccessibility();
    await hours.fill('8');
    await page.getByRole('button', { name: m('service.setup.save'), exact: true }).click();
    await expect(page.getByRole('cell', { name: 'Boilers (BOIL)' })).toBeVisible();
    expect(await host.call('service.groups.list')).toEqual([
      { code: 'BOIL', name: 'Boilers', skills: ['gas'], responseHours: 8, troubleshooting: ['Check the pressure'] },
    ]);

    await page.getByRole('link', { name: m('service.setup.nav.service-calendar') }).click();
    await expect(heading('service.setup.calendar.title')).toBeVisible();
    await page.getByRole('checkbox', { name: m('service.setup.calendar.own') }).check();
    const monday = new Intl.DateTimeFormat(m('service.localeTag'), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1));
    await page.getByLabel(m('hours.closesOn', { day: monday, n: 1 })).fill('07:00');
    await page.getByRole('button', { name: m('service.setup.calendar.save') }).click();
    const closes = page.getByLabel(m('hours.closesOn', { day: monday, n: 1 }));
    await expect(closes).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await closes.getAttribute('aria-describedby')}`)).toHaveText(m('errors.reasons.closeBeforeOpen'));
    expect(await host.call('service.calendar.get')).toBeNull();
    await checkAccessibility();
    await closes.fill('18:00');
    await page.getByRole('button', { name: m('service.setup.calendar.save') }).click();
    await expect.poll(() => host.call('service.calendar.get')).not.toBeNull();

    // The dispatch board shows the technician with the skills, the zone and the Saturday's three hours.
    await page.getByRole('link', { name: m('service.nav.board') }).click();
    await expect(page.getByRole('heading', { level: 1, name: m('service.board.title') })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Carla Neri/ }) });
    await expect(row.getByRole('rowheader')).toContainText('gas, boiler');
    await expect(row.getByRole('rowheader')).toContainText(m('service.board.zones', { zones: 'NORD' }));
    // Saturday is the sixth day of the week shown: three hours of capacity, none allocated.
    await expect(row.getByRole('meter').nth(5)).toHaveAttribute('aria-valuemax', '3');
    await expect(row.getByRole('meter').nth(6)).toHaveAttribute('aria-valuemax', '0');
    await expect(page.getByRole('rowheader', { name: m('service.board.teamRow', { group: 'Heating team' }) })).toBeVisible();
  });
}
