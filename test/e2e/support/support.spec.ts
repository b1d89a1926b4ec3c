import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { CallOutput } from '../../../main/api/contract';
import { expect, test } from '../fixtures';
import { msg } from '../locales';
import { expectNamedTouchTargets } from '../touch';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
type CaseList = CallOutput<'support.list'>;
type Network = CallOutput<'networks.list'>[number];

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d2b3a30000000049454e44ae426082',
  'hex',
);

test('in Italian: open a ticket, the demo operator answers, reply with two files, it closes itself after 7 days, open a follow-up', async ({
  page,
  launchHost,
}) => {
  test.setTimeout(90_000);
  const host = await launchHost();
  await host.call('settings.setLanguage', { language: 'it' });
  const networks = await host.call<Network[]>('networks.list');
  const italian = networks.find((n) => n.id === 'demo-it')!;
  const it = (path: string, vars: Record<string, string | number> = {}) => msg('it', path, vars);
  const state = page.getByTestId('case-state');

  await test.step('the "?" page leads to the ticket form, which shows the office hours and explains each field', async () => {
    await page.goto(`${host.url}#/help`);
    await page.getByRole('link', { name: it('help.contact.openCase') }).click();
    await expect(page.getByRole('heading', { level: 1, name: it('support.form.title') })).toBeVisible();
    await expect(page.getByTestId('office-hours')).toContainText('09:00–18:00');
    await expect(page.getByTestId('office-hours')).toContainText('24');
    // No collaborators yet: no person field; name and email have their own fields.
    await expect(page.getByRole('combobox', { name: it('support.form.person') })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: it('support.form.email'), exact: true })).toBeVisible();
    const info = page.getByRole('button', { name: it('support.form.info', { field: it('support.form.subject') }) });
    await info.click();
    await expect(info).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByText(it('support.form.infos.subject'))).toBeVisible();
    await expectNamedTouchTargets(page);
  });

  await test.step('sent empty, or with a subject of spaces: every refused field is marked next to it, in Italian, the first one focused', async () => {
    await page.getByRole('textbox', { name: it('support.form.subject') }).fill('   ');
    await page.getByRole('button', { name: it('support.form.send') }).click();
    const network = page.getByRole('combobox', { name: it('support.form.network') });
    await expect(network).toHaveAttribute('aria-invalid', 'true');
    await expect(network).toBeFocused();
    await expect(network).toHaveAccessibleDescription(it('errors.reasons.required'));
    for (const name of ['support.form.subject', 'support.form.name', 'support.form.email', 'support.form.description']) {
      const field = page.getByRole('textbox', { name: it(name), exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(it('errors.reasons.required'));
    }
    for (const name of ['support.form.product', 'support.form.requestType', 'support.form.impact']) {
      const field = page.getByRole('combobox', { name: it(name), exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(it('errors.reasons.required'));
    }
    await expect(page.getByTestId('field-error')).toHaveCount(8);
    await expect(page.getByTestId('scan-feedback')).toHaveCount(0);
    await page.getByRole('textbox', { name: it('support.form.email'), exact: true }).fill('mario.rossi@');
    await page.getByRole('button', { name: it('support.form.send') }).click();
    await expect(page.getByRole('textbox', { name: it('support.form.email'), exact: true })).toHaveAccessibleDescription(
      it('errors.reasons.email'),
    );
  });

  await test.step('fill every field and send', async () => {
    await page.getByRole('combobox', { name: it('support.form.network') }).selectOption({ label: italian.name });
    await page.getByRole('textbox', { name: it('support.form.subject') }).fill('Lo scanner non legge le etichette');
    await page.getByRole('combobox', { name: it('support.form.product') }).selectOption({ label: it('support.products.scanner') });
    await page
      .getByRole('combobox', { name: it('support.form.requestType') })
      .selectOption({ label: it('support.requestTypes.technical') });
    await page.getByRole('combobox', { name: it('support.form.impact') }).selectOption({ label: it('support.impacts.blocked') });
    await page.getByRole('textbox', { name: it('support.form.name'), exact: true }).fill('Mario Rossi');
    await page.getByRole('textbox', { name: it('support.form.email'), exact: true }).fill(' mario.rossi@example.com ');
    await page.getByRole('textbox', { name: it('support.form.description') }).fill('Da stamattina lo scanner emette un bip ma non legge.');
    await page.getByRole('button', { name: it('support.form.send') }).click();
    await expect(page.getByTestId('case-number')).toHaveText('CS-000001');
    await expect(state).toHaveText(it('support.states.open'));
    await expect(page.getByTestId('case-summary')).toContainText('mario.rossi@example.com');
    // Attachments only once the case exists: the reply form has the file field.
    await expect(page.getByLabel(it('support.detail.attach'))).toBeVisible();
  });

  await test.step('the demo operator takes the case, then answers it', async () => {
    await host.advanceClock(10 * MINUTE);
    await expect(state).toHaveText(it('support.states.in_progress'));
    await host.advanceClock(2 * HOUR);
    await expect(state).toHaveText(it('support.states.answered'));
    await expect(page.getByTestId('case-message').first()).toContainText(it('support.detail.authors.operator'));
    await expect(
      page.getByRole('status').filter({ hasText: it('support.detail.needsAttention', { date: '' }).split('{')[0]!.slice(0, 20) }),
    ).toBeVisible();
  });

  await test.step('four files chosen at once: the form says "at most 3" before anything is sent, and keeps three', async () => {
    await page
      .getByLabel(it('support.detail.attach'))
      .setInputFiles([1, 2, 3, 4].map((n) => ({ name: `foto-${n}.png`, mimeType: 'image/png', buffer: PNG })));
    await expect(page.getByText(msg('it', 'support.detail.tooMany', { count: 3 }, 3))).toBeVisible();
    const chosen = page.getByTestId('chosen-files').getByRole('listitem');
    await expect(chosen).toHaveCount(3);
    await expect(chosen.filter({ hasText: 'foto-4.png' })).toHaveCount(0);
    await expect(state).toHaveText(it('support.states.answered'));
    for (const n of [1, 2, 3]) await page.getByRole('button', { name: it('support.detail.removeFile', { file: `foto-${n}.png` }) }).click();
    await expect(chosen).toHaveCount(0);
  });

  await test.step('reply with two attachments', async () => {
    await page.getByRole('textbox', { name: it('support.detail.message') }).fill("Grazie, allego la foto dell'etichetta e il log.");
    await page.getByLabel(it('support.detail.attach')).setInputFiles([
      { name: 'etichetta.png', mimeType: 'image/png', buffer: PNG },
      { name: 'scanner.txt', mimeType: 'text/plain', buffer: Buffer.from('bip\nbip\nerrore 42\n') },
    ]);
    await expect(page.getByTestId('chosen-files').getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: it('support.detail.send'), exact: true }).click();
    await expect(state).toHaveText(it('support.states.awaiting_operator'));
    const latest = page.getByTestId('case-message').first();
    await expect(latest).toContainText('allego la foto');
    await expect(latest.getByRole('button', { name: it('support.detail.download', { file: 'etichetta.png' }) })).toBeVisible();
    await expect(latest.getByRole('button', { name: it('support.detail.download', { file: 'scanner.txt' }) })).toBeVisible();
    // Each message in the history folds away and opens again.
    const toggle = latest.getByRole('button', { expanded: true });
    await toggle.click();
    await expect(latest).not.toContainText('allego la foto');
    await latest.getByRole('button', { expanded: false }).click();
    await expect(latest).toContainText('allego la foto');
    await expectNamedTouchTargets(page);
  });

  await test.step('answered again, then no reply for 7 days: it closes itself', async () => {
    await host.advanceClock(3 * HOUR);
    await expect(state).toHaveText(it('support.states.answered'));
    await host.advanceClock(7 * DAY - 1 * MINUTE);
    await expect(state).toHaveText(it('support.states.answered'));
    await host.advanceClock(1 * MINUTE);
    await expect(state).toHaveText(it('support.states.closed'));
    await expect(page.getByText(it('support.detail.closedNote'))).toBeVisible();
    await expect(page.getByRole('textbox', { name: it('support.detail.message') })).toHaveCount(0);
  });

  await test.step('a closed case is not reopened: open a follow-up, pre-filled with a reference to it', async () => {
    await page.getByRole('button', { name: it('support.detail.followUp') }).click();
    await expect(page.getByRole('heading', { level: 1, name: it('support.form.followUpTitle') })).toBeVisible();
    await expect(page.getByRole('textbox', { name: it('support.form.subject') })).toHaveValue(
      it('support.form.prefill.followUpSubject', { number: 'CS-000001', subject: 'Lo scanner non legge le etichette' }),
    );
    await expect(page.getByRole('textbox', { name: it('support.form.description') })).toHaveValue(
      it('support.form.prefill.followUpDescription', { number: 'CS-000001' }),
    );
    await expect(page.getByRole('textbox', { name: it('support.form.email'), exact: true })).toHaveValue('mario.rossi@example.com');
    await page.getByRole('textbox', { name: it('support.form.name'), exact: true }).fill('Mario Rossi');
    await page.getByRole('button', { name: it('support.form.send') }).click();
    await expect(page.getByTestId('case-number')).toHaveText('CS-000002');
    await expect(page.getByTestId('case-summary').getByRole('link', { name: 'CS-000001' })).toBeVisible();
    await expect(state).toHaveText(it('support.states.open'));
  });
});

test('the case log: counters, filter and sort across pages, export exactly the filtered cases to CSV', async ({ page, launchHost }) => {
  test.setTimeout(60_000);
  const host = await launchHost();
  const en = (path: string, vars: Record<string, string | number> = {}) => msg('en', path, vars);
  const tricky = ['Label "torn", cannot read', 'line one\nline two, with a comma', 'plain'];
  for (let i = 0; i < 14; i++) {
    await host.call('support.open', {
      networkId: i % 2 ? 'demo-fr' : 'demo-it',
      subject: `Case ${String(i).padStart(2, '0')}`,
      email: i % 3 === 0 ? 'anna@example.com' : 'bruno@example.com',
      product: 'scanner',
      requestType: 'technical',
      impact: 'degraded',
      description: `${tricky[i % 3]} #${i}`,
    });
    await host.advanceClock(MINUTE);
  }

  await page.goto(`${host.url}#/support`);
  await expect(page.getByRole('heading', { level: 1, name: en('support.title') })).toBeVisible();
  await expect(page.getByTestId('counter-all')).toHaveText('14');
  // The demo operator takes every case 10 minutes after it arrives: the counters move.
  await host.advanceClock(15 * MINUTE);
  await expect(page.getByTestId('counter-inProgress')).toHaveText('14');
  await expect(page.getByTestId('counter-open')).toHaveText('0');
  await expect(page.getByTestId('case-row')).toHaveCount(10);
  await expect(page.getByTestId('case-page')).toHaveText(msg('en', 'support.log.page', { page: 1, pages: 2, total: 14 }, 14));

  await test.step('sort by case ID, both ways', async () => {
    const sortById = page.getByRole('button', { name: en('support.log.sortBy', { column: en('support.log.columns.number') }) });
    await sortById.click();
    await expect(page.getByTestId('case-row').first()).toContainText('CS-000001');
    await expect(page.getByRole('columnheader', { name: en('support.log.columns.number') })).toHaveAttribute('aria-sort', 'ascending');
    await sortById.click();
    await expect(page.getByTestId('case-row').first()).toContainText('CS-000014');
  });

  await test.step('filter by email and description; the result spans pages; export it and read it back', async () => {
    // The filters are folded away until asked for: the cases come first.
    await expect(page.getByRole('searchbox', { name: en('support.log.email') })).toBeHidden();
    await page.getByText(en('support.log.filters'), { exact: true }).click();
    await page.getByRole('searchbox', { name: en('support.log.email') }).fill('bruno');
    await expect(page.getByTestId('case-page')).toHaveText(msg('en', 'support.log.page', { page: 1, pages: 1, total: 9 }, 9));
    await page.getByRole('searchbox', { name: en('support.log.email') }).fill('');
    await page.getByRole('searchbox', { name: en('support.log.description') }).fill('comma');
    await expect(page.getByTestId('case-page')).toHaveText(msg('en', 'support.log.page', { page: 1, pages: 1, total: 5 }, 5));
    await page.getByRole('searchbox', { name: en('support.log.description') }).fill('line');
    const shown = await host.call<CaseList>('support.list', {
      filter: { description: 'line' },
      sort: { by: 'number', direction: 'desc' },
      page: 1,
      pageSize: 100,
    });
    await expect(page.getByTestId('case-page')).toHaveText(
      msg('en', 'support.log.page', { page: 1, pages: 1, total: shown.total }, shown.total),
    );

    await page.getByRole('searchbox', { name: en('support.log.description') }).fill('');
    await page.getByRole('combobox', { name: en('support.log.state') }).selectOption({ label: en('support.states.in_progress') });
    await expect(page.getByTestId('case-page')).toHaveText(msg('en', 'support.log.page', { page: 1, pages: 2, total: 14 }, 14));
    await page.getByRole('button', { name: en('support.log.next') }).click();
    await expect(page.getByTestId('case-page')).toHaveText(msg('en', 'support.log.page', { page: 2, pages: 2, total: 14 }, 14));
    await expect(page.getByTestId('case-row')).toHaveCount(4);

    await page.getByRole('checkbox', { name: en('common.rawExport') }).check();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: en('support.log.export') }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^support-cases-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(readFileSync((await file.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    const all = await host.call<CaseList>('support.list', {
      filter: { states: ['in_progress'] },
      sort: { by: 'number', direction: 'desc' },
      page: 1,
      pageSize: 100,
    });
    expect(records.map((r) => r.case_id)).toEqual(all.items.map((c) => c.number));
    expect(records.map((r) => r.description)).toEqual(all.items.map((c) => c.description));
    expect(records.filter((r) => r.description!.includes('\n') && r.description!.includes(','))).toHaveLength(5);
    expect(records.filter((r) => r.description!.includes('"torn"'))).toHaveLength(5);
  });

  await test.step('nothing shown: export disabled, with the reason', async () => {
    await page.getByRole('textbox', { name: en('support.log.caseId') }).fill('999');
    await expect(page.getByText(en('support.log.empty'))).toBeVisible();
    const exportButton = page.getByRole('button', { name: en('support.log.export') });
    await expect(exportButton).toBeDisabled();
    await expect(exportButton).toHaveAccessibleDescription(en('support.log.exportDisabled'));
    await page.getByRole('button', { name: en('support.log.clear') }).click();
    await expect(exportButton).toBeEnabled();
    await expectNamedTouchTargets(page);
  });
});

test('contact support: a call-back request with a validated phone number, confirmed once sent; the FAQ is searchable', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost();
  const fr = (path: string, vars: Record<string, string | number> = {}) => msg('fr', path, vars);
  await host.call('settings.setLanguage', { language: 'fr' });
  await page.goto(`${host.url}#/help?screen=home`);

  await page.getByRole('searchbox', { name: fr('help.faq.search') }).fill('endommagé');
  await expect(page.getByRole('region', { name: fr('help.faq.title') }).getByRole('button')).toHaveCount(1);
  await expect(page.getByText(/Refuser endommagé/)).toBeVisible();
  await page.getByRole('searchbox', { name: fr('help.faq.search') }).fill('zzz');
  await expect(page.getByText(fr('help.faq.noMatch', { query: 'zzz' }))).toBeVisible();
  await expect(page.getByRole('term')).toHaveCount(12);

  await page.getByRole('combobox', { name: fr('help.contact.country') }).selectOption('FR');
  await page.getByRole('textbox', { name: fr('help.contact.phone') }).fill('01 23');
  await page.getByRole('button', { name: fr('help.contact.callMe') }).click();
  const phone = page.getByRole('textbox', { name: fr('help.contact.phone') });
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(fr('errors.reasons.phone', { phone: '01 23' }));
  await page.getByRole('textbox', { name: fr('help.contact.phone') }).fill('01 42 68 53 00');
  await page.getByRole('button', { name: fr('help.contact.callMe') }).click();
  await expect(page.getByTestId('callback-status')).toHaveText(fr('help.contact.sent', { phone: '+33 1 42 68 53 00' }));
  await expectNamedTouchTargets(page);
});

test('the overdue-returns notice on home opens the ticket form filled in with the network, the parcels and since when', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost();
  const en = (path: string, vars: Record<string, string | number> = {}) => msg('en', path, vars);
  const networks = await host.call<Network[]>('networks.list');
  const italian = networks.find((n) => n.id === 'demo-it')!;
  // A customer refuses a parcel at the counter; it waits for the driver, who does not come for 3 days.
  const delivery = await host.call<{ id: number }>('training.driverArrives', { networkId: 'demo-it', count: 1 });
  await host.call('delivery.complete', { deliveryId: delivery.id });
  const customer = await host.call<{ code: string }>('training.customerArrives', { networkId: 'demo-it' });
  const started = await host.call<{ pickup: { id: number; items: { parcel: { id: number } }[] } }>('pickup.start', {
    code: customer.code,
    method: 'keyboard',
  });
  const refused = started.pickup.items.map((item) => item.parcel);
  for (const parcel of refused)
    await host.call('pickup.resolve', { pickupId: started.pickup.id, parcelId: parcel.id, resolution: 'refused' });
  const refusedAt = await host.now();
  await host.advanceClock(3 * DAY + MINUTE);

  await page.goto(host.url);
  const notice = page.getByRole('link', { name: new RegExp(en('home.notices.contactSupport')) });
  await notice.click();
  await expect(page.getByRole('heading', { level: 1, name: en('support.form.title') })).toBeVisible();
  await expect(page.getByRole('combobox', { name: en('support.form.network') })).toHaveValue('demo-it');
  await expect(page.getByRole('textbox', { name: en('support.form.subject') })).toHaveValue(
    en('support.form.prefill.returnsSubject', { network: italian.name }),
  );
  await expect(page.getByRole('combobox', { name: en('support.form.product') })).toHaveValue('returns');
  const description = page.getByRole('textbox', { name: en('support.form.description') });
  const since = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(refusedAt));
  const expected = msg(
    'en',
    'support.form.prefill.returnsDescription',
    { count: refused.length, network: italian.name, since },
    refused.length,
  );
  await expect(description).toHaveValue(expected);
});

test('settings: the collaborator list feeds the person field of the ticket form; office hours are configurable and shown on it', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost();
  const en = (path: string, vars: Record<string, string | number> = {}) => msg('en', path, vars);
  await page.goto(`${host.url}#/settings`);
  const people = page.getByRole('form', { name: en('support.settings.people') });
  await people.getByRole('textbox', { name: en('support.settings.name'), exact: true }).fill('Anna Verdi');
  await people.getByRole('textbox', { name: en('support.settings.email'), exact: true }).fill('anna@example.com');
  await people.getByRole('button', { name: en('support.settings.add') }).click();
  await expect(page.getByTestId('collaborators')).toContainText('Anna Verdi (anna@example.com)');
  const hours = page.getByRole('form', { name: en('support.settings.officeHours') });
  await hours.getByRole('checkbox', { name: 'Saturday' }).check();
  await hours.getByLabel(en('support.settings.to'), { exact: true }).fill('13:00');
  await hours.getByRole('button', { name: en('support.settings.saveHours') }).click();
  await expect(page.getByTestId('scan-feedback')).toHaveText(en('support.settings.hoursSaved'));
  await expectNamedTouchTargets(page);

  await page.goto(`${host.url}#/support/new`);
  await expect(page.getByTestId('office-hours')).toContainText('Monday–Saturday, 09:00–13:00');
  const person = page.getByRole('combobox', { name: en('support.form.person') });
  await expect(person).toBeVisible();
  await expect(page.getByRole('textbox', { name: en('support.form.description'), exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: en('support.form.network') }).selectOption('demo-fr');
  await page.getByRole('textbox', { name: en('support.form.subject') }).fill('Invoice question');
  await person.selectOption({ label: 'Anna Verdi (anna@example.com)' });
  await page.getByRole('combobox', { name: en('support.form.product') }).selectOption('other');
  await page.getByRole('combobox', { name: en('support.form.requestType') }).selectOption('administrative');
  await page.getByRole('combobox', { name: en('support.form.impact') }).selectOption('degraded');
  await page.getByRole('textbox', { name: en('support.form.description'), exact: true }).fill('The last invoice counts 3 parcels twice.');
  await page.getByRole('button', { name: en('support.form.send') }).click();
  await expect(page.getByTestId('case-summary')).toContainText('anna@example.com');

  // Edit: the primary email changes the owner, and the form says so.
  await page.getByRole('button', { name: en('support.detail.edit') }).click();
  const primary = page.getByRole('textbox', { name: en('support.detail.primaryEmail') });
  await expect(primary).toHaveAccessibleDescription(en('support.detail.editOwnerWarning'));
  await primary.fill('boss@example.com');
  // A bad CC address is marked on the CC field, in the app's words.
  const cc = page.getByRole('textbox', { name: en('support.detail.cc') });
  await cc.fill('anna@example.com, accounts@');
  await page.getByRole('button', { name: en('support.detail.save') }).click();
  await expect(cc).toHaveAttribute('aria-invalid', 'true');
  await expect(cc).toBeFocused();
  await expect(page.getByTestId('field-error')).toHaveText(en('errors.reasons.email'));
  await cc.fill('anna@example.com, accounts@example.com');
  await page.getByRole('button', { name: en('support.detail.save') }).click();
  await expect(page.getByTestId('case-summary')).toContainText('boss@example.com');
  await expect(page.getByTestId('case-summary')).toContainText('anna@example.com, accounts@example.com');

  // Mark as resolved asks first: Cancel leaves the case as it is, the dialog's own button closes it.
  await page.getByRole('button', { name: en('support.detail.resolve') }).click();
  const dialog = page.getByRole('dialog', { name: en('support.detail.confirmResolve.title', { number: 'CS-000001' }) });
  await dialog.getByRole('button', { name: en('common.cancel') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('case-state')).not.toHaveText(en('support.states.closed'));
  await page.getByRole('button', { name: en('support.detail.resolve') }).click();
  await dialog.getByRole('button', { name: en('support.detail.resolve') }).click();
  await expect(page.getByTestId('case-state')).toHaveText(en('support.states.closed'));
});
