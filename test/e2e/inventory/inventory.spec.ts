import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { DeliveryView, ParcelView } from '../../../main/api/parcels/schemas';
import type { InventoryPage } from '../../../main/api/inventory/schemas';
import { expect, test } from '../fixtures';
import type { RunningHost } from '../host';
import { grouped, msg, startsWith } from '../locales';
import { expectNamedTouchTargets } from '../touch';

const NO_FILTER = { search: '', states: [] };

/** The Italian demo driver brings `count` parcels; the driver scans them, so they are in the store at once. */
async function parcelsArrive(host: RunningHost, count: number): Promise<ParcelView[]> {
  const delivery = await host.call<DeliveryView>('training.driverArrives', { networkId: 'demo-it', count });
  await host.call('delivery.complete', { deliveryId: delivery.id });
  return delivery.parcels;
}

/** "3 customers, 9 parcels", each count with its plural. */
const totals = (language: 'en' | 'it', customers: number, parcels: number) =>
  msg(language, 'inventory.totals', {
    customers: msg(language, 'inventory.customerCount', { count: customers }, customers),
    parcels: msg(language, 'inventory.parcelCount', { count: parcels }, parcels),
  });

const customers = (page: import('@playwright/test').Page) => page.getByRole('list', { name: msg('en', 'inventory.customers') });

test.describe('inventory', () => {
  test('search by code, tracking ID and name, a customer’s parcels, the state filter, Sync and the CSV of the current view', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const parcels = await parcelsArrive(host, 9);
    const customer = await host.call<{ recipientName: string; code: string; trackingIds: string[] }>('training.customerArrives', {
      networkId: 'demo-it',
    });
    const all = await host.call<InventoryPage>('inventory.customers', { filter: NO_FILTER, offset: 0, limit: 200 });

    await page.goto(host.url);
    await page.getByRole('link', { name: startsWith(msg('en', 'home.tiles.inventory')) }).click();
    await expect(page.getByRole('heading', { level: 1, name: msg('en', 'inventory.title') })).toBeVisible();
    await expect(page.getByTestId('inventory-totals')).toHaveText(totals('en', all.totalCustomers, 9));
    // The demo networks were pulled when the host started: the top bar says synced, and so does the inventory.
    await expect(page.getByTestId('last-sync')).toContainText(msg('en', 'inventory.lastSync', { date: '' }).trim());

    const search = page.getByRole('searchbox', { name: msg('en', 'inventory.search') });
    await expect(search).toBeFocused();
    // One "in store" in the state filter: the default is all the parcels held, "In store" is the received state.
    const stateOptions = await page
      .getByRole('combobox', { name: msg('en', 'inventory.state') })
      .getByRole('option')
      .allTextContents();
    expect(stateOptions.filter((o) => /in (the )?store/i.test(o))).toEqual([msg('en', 'states.received')]);
    // The 6-digit code is only stored hashed: main hashes what is typed and finds the customer.
    await search.fill(customer.code);
    const only = customers(page).getByRole('button');
    await expect(only).toHaveCount(1);
    await expect(only).toContainText(customer.recipientName);
    await expect(only).toContainText(
      msg('en', 'inventory.parcelCount', { count: customer.trackingIds.length }, customer.trackingIds.length),
    );
    await expect(page.getByTestId('inventory-totals')).toHaveText(totals('en', 1, customer.trackingIds.length));
    await only.click();
    await expect(page.getByRole('heading', { level: 2, name: customer.recipientName })).toBeVisible();
    // The detail shows exactly what the list counted.
    await expect(page.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(customer.trackingIds.length);
    const rows = page.getByRole('row').filter({ hasText: msg('en', 'states.received') });
    await expect(rows).toHaveCount(customer.trackingIds.length);
    for (const id of customer.trackingIds) {
      const parcel = parcels.find((p) => p.trackingId === id)!;
      const row = page.getByRole('row').filter({ hasText: grouped(id) });
      await expect(row).toContainText(String(parcel.id));
      await expect(row).toContainText(parcel.slotId!);
    }
    await page.getByRole('button', { name: msg('en', 'inventory.backToList') }).click();

    // A tracking ID typed with spaces and in lower case finds its customer.
    const other = parcels.find((p) => p.recipientName !== customer.recipientName)!;
    await search.fill(grouped(other.trackingId).toLowerCase());
    await expect(customers(page).getByRole('button')).toHaveCount(1);
    await expect(customers(page).getByRole('button')).toContainText(other.recipientName);
    const part = other.recipientName.split(' ').at(-1)!.toLowerCase();
    await search.fill(part);
    await expect(customers(page).getByRole('button', { name: new RegExp(other.recipientName) })).toBeVisible();

    // The state filter looks up parcels outside the store too: the French network's announced ones.
    await search.fill('');
    await page.getByRole('combobox', { name: msg('en', 'inventory.state') }).selectOption({ label: msg('en', 'states.expected') });
    const expected = await host.call<InventoryPage>('inventory.customers', {
      filter: { search: '', states: ['expected'] },
      offset: 0,
      limit: 200,
    });
    expect(expected.totalParcels).toBeGreaterThan(0);
    await expect(page.getByTestId('inventory-totals')).toHaveText(totals('en', expected.totalCustomers, expected.totalParcels));

    // The CSV is made in main from the same filter and downloaded; read back (raw form), it holds exactly those parcels.
    await page.getByRole('checkbox', { name: msg('en', 'common.rawExport') }).check();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: msg('en', 'inventory.export') }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^inventory-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(readFileSync((await file.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(expected.totalParcels);
    expect(new Set(records.map((r) => r.state))).toEqual(new Set(['expected']));
    expect(new Set(records.map((r) => r.customer))).toEqual(new Set(expected.customers.map((c) => c.name)));

    // Sync pulls every network's manifest and says when it last worked.
    await page.getByRole('button', { name: msg('en', 'inventory.sync'), exact: true }).click();
    await expect(page.getByTestId('last-sync')).toContainText(msg('en', 'inventory.lastSync', { date: '' }).trim());
    await expect(page.getByTestId('inventory-totals')).not.toHaveText(totals('en', expected.totalCustomers, expected.totalParcels));

    await expectNamedTouchTargets(page);
  });

  test('in Italian: every customer listed, search by name, open the customer', async ({ page, launchHost }) => {
    const host = await launchHost();
    const parcels = await parcelsArrive(host, 30);
    await host.call('settings.setLanguage', { language: 'it' });
    const all = await host.call<InventoryPage>('inventory.customers', { filter: NO_FILTER, offset: 0, limit: 200 });

    await page.goto(`${host.url}#/inventory`);
    await expect(page.getByRole('heading', { level: 1, name: msg('it', 'inventory.title') })).toBeVisible();
    await expect(page.getByTestId('inventory-totals')).toHaveText(totals('it', all.totalCustomers, 30));
    const list = page.getByRole('list', { name: msg('it', 'inventory.customers') });
    // The demo networks have 8 names each, so paging (25 customers a page, LIMIT/OFFSET in main) is proved in the unit tests.
    await expect(list.getByRole('button')).toHaveCount(all.totalCustomers);

    // Namesakes with other pickup codes are other customers: open the one whose parcel this is.
    const first = parcels[0]!;
    const byName = { search: first.recipientName, states: [] };
    const found = await host.call<InventoryPage>('inventory.customers', { filter: byName, offset: 0, limit: 200 });
    const details = await Promise.all(
      found.customers.map((c) => host.call<{ trackingId: string }[]>('inventory.customer', { customer: c.key, filter: byName })),
    );
    const mine = details.findIndex((d) => d.some((p) => p.trackingId === first.trackingId));
    await page.getByRole('searchbox', { name: msg('it', 'inventory.search') }).fill(first.recipientName);
    await expect(list.getByRole('button')).toHaveCount(found.totalCustomers);
    await list.getByRole('button').nth(mine).click();
    await expect(page.getByRole('heading', { level: 2, name: first.recipientName })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: msg('it', 'inventory.columns.tracking') })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: grouped(first.trackingId) })).toContainText(msg('it', 'states.received'));
    await expectNamedTouchTargets(page);
  });
});
