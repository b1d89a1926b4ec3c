import type { Locator, Page } from '@playwright/test';
import type { NetworkConfig, NetworkLink } from '../../../main/api/networks/schemas';
import { startNetworkTestServer, type NetworkTestServer } from '../../network-server/server';
import { expect, test } from '../fixtures';
import type { RunningHost } from '../host';
import { msg, startsWith } from '../locales';
import { expectNamedTouchTargets } from '../touch';

/**
 * A real carrier network over HTTP (test/network-server): the staff add it in
 * settings, the top bar follows it online and offline, events wait for it
 * and catch up, and its drivers' check-ins reach the home screen.
 */
const TOKEN = 'e2e-token-6f1c2a';
const NAME = 'Test network';
/** Main syncs the network on its own; an HTTP answer after retries can take a few seconds. */
const SYNC_TIMEOUT = 15_000;

const en = (path: string, vars: Record<string, string | number> = {}, count?: number) => msg('en', path, vars, count);
/** A message with its {placeholders} left open (a time the test does not pin). */
const shaped = (path: string, vars: Record<string, string | number> = {}, count?: number) =>
  new RegExp(
    en(path, vars, count)
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+'),
  );
// English dates and times are British unless the store says otherwise.
const clock = (ms: number) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(ms);

/** The network's pill in the top bar. */
const linkStatus = (page: Page): Locator =>
  page.getByRole('group', { name: en('networks.status.group') }).getByRole('status', { name: startsWith(NAME) });

async function storeIdOf(host: RunningHost): Promise<string> {
  return (await host.call<{ storeId: string }>('system.status')).storeId;
}

async function addNetwork(host: RunningHost, server: NetworkTestServer): Promise<NetworkConfig> {
  return host.call<NetworkConfig>('networks.save', { name: NAME, baseUrl: server.url, token: TOKEN, enabled: true, policyOverrides: {} });
}

async function linkOf(host: RunningHost, networkId: string): Promise<NetworkLink> {
  const links = await host.call<NetworkLink[]>('networks.links');
  return links.find((l) => l.networkId === networkId)!;
}

let server: NetworkTestServer;
test.beforeEach(async () => {
  server = await startNetworkTestServer({ token: TOKEN, networkName: NAME });
});
test.afterEach(async () => {
  await server.stop();
});

test.describe('HTTP networks', () => {
  test('added in settings: a wrong token is refused by "Test connection", the right one works, and once saved it is listed and online', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const storeId = await storeIdOf(host);
    await page.goto(`${host.url}#/settings`);

    await page.getByRole('button', { name: en('settings.networks.add') }).click();
    const form = page.getByRole('form', { name: en('settings.networks.form.newTitle') });
    await expect(form.getByLabel(en('settings.networks.form.name'))).toBeFocused();
    await form.getByLabel(en('settings.networks.form.name')).fill(NAME);
    // Main refuses a network without its address: the reason stands under the field, which gets the focus.
    await form.getByRole('button', { name: en('settings.networks.form.save') }).click();
    const address = form.getByLabel(en('settings.networks.form.url'));
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(address).toHaveAccessibleDescription(new RegExp(`${en('errors.reasons.required')}$`));
    await expect(address).toBeFocused();
    await expect(form.getByLabel(en('settings.networks.form.name'))).not.toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel(en('settings.networks.form.url')).fill(server.url);
    await form.getByLabel(en('settings.networks.form.token')).fill('not-the-token');
    await form.getByRole('button', { name: en('settings.networks.form.test') }).click();
    const result = form.getByTestId('connection-test');
    await expect(result).toHaveText(en('settings.networks.form.testFailed', { problem: en('settings.networks.problems.unauthorized') }));

    await form.getByLabel(en('settings.networks.form.token')).fill(TOKEN);
    await form.getByRole('button', { name: en('settings.networks.form.test') }).click();
    await expect(result).toHaveText(en('settings.networks.form.testOk', { network: NAME }));
    await expect(form.getByTestId('field-error')).toHaveCount(0);
    await expect(address).not.toHaveAttribute('aria-invalid', 'true');
    await expectNamedTouchTargets(page);

    await form.getByRole('button', { name: en('settings.networks.form.save') }).click();
    await expect(page.getByTestId('network-saved')).toHaveText(en('settings.networks.saved', { name: NAME }));
    await expect(form).toHaveCount(0);
    const item = page
      .getByRole('list', { name: en('settings.networks.list') })
      .getByRole('listitem')
      .filter({ hasText: NAME });
    await expect(item).toContainText(en('settings.networks.adapters.http'));
    await expect(item).toContainText(server.url);
    await expect(item).toContainText(en('settings.networks.tokenSet'));
    await expect(item).toContainText(en('settings.networks.enabled'));

    // Main syncs the new network at once: the top bar shows it online with the time of that sync.
    const status = linkStatus(page);
    await expect(status).toHaveAttribute('data-state', 'online', { timeout: SYNC_TIMEOUT });
    await expect(status).toContainText(en('networks.status.online'));
    await expect(status).toContainText(shaped('networks.status.synced'));
    // The network learnt the store's record as soon as it was added.
    await expect.poll(() => server.profiles(storeId).length, { timeout: SYNC_TIMEOUT }).toBeGreaterThan(0);

    // Editing: the token is never shown back, only that one is saved.
    await item.getByRole('button', { name: en('settings.networks.editLabel', { name: NAME }) }).click();
    const edit = page.getByRole('form', { name: en('settings.networks.form.editTitle', { name: NAME }) });
    await expect(edit.getByLabel(en('settings.networks.form.token'))).toHaveValue('');
    await expect(edit.getByTestId('token-state')).toHaveText(en('settings.networks.form.tokenKeep'));
    await expect(edit.getByLabel(en('settings.networks.form.url'))).toHaveValue(server.url);
    // "Test connection" with the field empty uses the saved token.
    await edit.getByRole('button', { name: en('settings.networks.form.test') }).click();
    await expect(edit.getByTestId('connection-test')).toHaveText(en('settings.networks.form.testOk', { network: NAME }));
    // Another address: main will forget the saved token, so the form asks for the new one.
    const url = edit.getByLabel(en('settings.networks.form.url'));
    await url.fill('https://other-carrier.example/v1');
    await expect(edit.getByTestId('token-state')).toHaveText(en('settings.networks.form.tokenAgain'));
    await expect(edit.getByLabel(en('settings.networks.form.token'))).toHaveAttribute('aria-invalid', 'true');
    await url.fill(server.url);
    await expect(edit.getByTestId('token-state')).toHaveText(en('settings.networks.form.tokenKeep'));
    await edit.getByRole('button', { name: en('settings.networks.form.cancel') }).click();
    await expect(edit).toHaveCount(0);

    expect(server.violations).toEqual([]);
  });

  test("a demo network's policy is changed in settings; its form has no URL, token or connection test", async ({ page, launchHost }) => {
    const host = await launchHost();
    const demo = (await host.call<NetworkConfig[]>('networks.configs')).find((n) => n.id === 'demo-it')!;
    await page.goto(`${host.url}#/settings`);
    const list = page.getByRole('list', { name: en('settings.networks.list') });
    await list.getByRole('button', { name: en('settings.networks.editLabel', { name: demo.name }) }).click();
    const form = page.getByRole('form', { name: en('settings.networks.form.editTitle', { name: demo.name }) });
    await expect(form.getByLabel(en('settings.networks.form.url'))).toHaveCount(0);
    await expect(form.getByLabel(en('settings.networks.form.token'))).toHaveCount(0);
    await expect(form.getByRole('button', { name: en('settings.networks.form.test') })).toHaveCount(0);
    await expect(form.getByText(en('settings.networks.form.networkValue', { value: demo.networkPolicy.retentionDays }))).toBeVisible();
    await form.getByLabel(en('settings.networks.form.retentionDays')).fill('10');
    await form.getByRole('button', { name: en('settings.networks.form.save') }).click();
    await expect(page.getByTestId('network-saved')).toHaveText(en('settings.networks.saved', { name: demo.name }));
    const item = list.getByRole('listitem').filter({ hasText: demo.name });
    await expect(item).toContainText(en('settings.networks.adapters.demo'));
    await expect(item).toContainText(
      en('settings.networks.summary', {
        days: 10,
        scanner: en(`settings.networks.scanners.${demo.policy.deliveryScannedBy}`),
        capacity: demo.policy.capacity,
        minutes: demo.policy.intakeWindowMinutes,
      }),
    );
    await expect(item).toContainText(en('settings.networks.overridden', { count: 1 }, 1));
    const saved = (await host.call<NetworkConfig[]>('networks.configs')).find((n) => n.id === 'demo-it')!;
    expect(saved.policyOverrides).toEqual({ retentionDays: 10 });
    expect(saved.baseUrl).toBeNull();
  });

  test('offline: a change made while the network is down waits in the top bar and is delivered once it answers again', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const storeId = await storeIdOf(host);
    const network = await addNetwork(host, server);
    await page.goto(host.url);
    const status = linkStatus(page);
    await expect(status).toHaveAttribute('data-state', 'online', { timeout: SYNC_TIMEOUT });
    await expect(status).toHaveAttribute('data-pending', '0', { timeout: SYNC_TIMEOUT });

    await server.stop();
    // The staff rename the store: its record is queued for every network, and this one cannot take it.
    await page.goto(`${host.url}#/settings`);
    const storeForm = page.getByRole('form', { name: en('settings.store.title') });
    await storeForm.getByLabel(en('settings.store.name')).fill('Bottega offline');
    await storeForm.getByRole('button', { name: en('settings.store.save') }).click();
    await expect(page.getByTestId('store-saved')).toHaveText(en('settings.store.saved'));

    await expect(status).toHaveAttribute('data-state', 'offline', { timeout: SYNC_TIMEOUT });
    await expect(status).toContainText(shaped('networks.status.offlineSince'));
    const down = await linkOf(host, network.id);
    expect(down.pending).toBeGreaterThan(0);
    expect(down.problem).toBe('unreachable');
    await expect(status).toContainText(en('networks.status.pending', { count: down.pending }, down.pending));
    await expect(status).toContainText(en('networks.status.synced', { time: clock(down.lastSuccessAt!) }));
    await expectNamedTouchTargets(page);

    // Back: the outbox tries again 30 s (app clock) after the failure.
    await server.start();
    await host.advanceClock(30_000);
    await expect(status).toHaveAttribute('data-state', 'online', { timeout: SYNC_TIMEOUT });
    await expect(status).toHaveAttribute('data-pending', '0', { timeout: SYNC_TIMEOUT });
    await expect(status).toContainText(en('networks.status.online'));
    for (const count of [1, 2]) await expect(status).not.toContainText(shaped('networks.status.pending', {}, count));
    await expect.poll(() => server.profiles(storeId).at(-1)?.profile.name, { timeout: SYNC_TIMEOUT }).toBe('Bottega offline');
    expect((await linkOf(host, network.id)).pending).toBe(0);
    expect(server.violations).toEqual([]);
  });

  test('a wrong token shows as refused in the top bar, not just offline', async ({ page, launchHost }) => {
    const host = await launchHost();
    await host.call('networks.save', { name: NAME, baseUrl: server.url, token: 'not-the-token', enabled: true, policyOverrides: {} });
    await page.goto(host.url);
    const status = linkStatus(page);
    await expect(status).toHaveAttribute('data-state', 'offline', { timeout: SYNC_TIMEOUT });
    await expect(status).toContainText(shaped('networks.status.unauthorizedSince'));
    await expect(status).toContainText(en('networks.status.neverSynced'));
  });

  test('a driver check-in on the network shows on home within 15 s, and "Dismiss" removes it', async ({ page, launchHost }) => {
    const host = await launchHost();
    const storeId = await storeIdOf(host);
    await addNetwork(host, server);
    await page.goto(host.url);
    await expect(linkStatus(page)).toHaveAttribute('data-state', 'online', { timeout: SYNC_TIMEOUT });
    const banner = page.getByTestId('driver-check-in');
    await expect(banner).toHaveCount(0);

    const at = await host.now();
    server.addDriverCheckIn(storeId, { id: 'check-in-1', at, driverName: 'Marco', parcelCount: 3 });
    await host.advanceClock(15_000);
    await expect(banner).toBeVisible({ timeout: SYNC_TIMEOUT });
    await expect(banner).toContainText(en('home.checkIn.namedAtCounter', { driver: 'Marco', network: NAME }));
    await expect(banner).toContainText(en('home.checkIn.sinceWithParcels', { time: clock(at), count: 3 }, 3));
    await expect(page.getByRole('status', { name: startsWith(`Marco`) })).toBeVisible();
    await expect(banner.getByRole('button', { name: en('home.checkIn.startLabel', { network: NAME }) })).toBeVisible();
    await expectNamedTouchTargets(page);

    await banner.getByRole('button', { name: en('home.checkIn.dismissLabel', { network: NAME }) }).click();
    await expect(banner).toHaveCount(0);
    expect(await host.call('networks.checkIns')).toEqual([]);
    await page.reload();
    await expect(linkStatus(page)).toBeVisible();
    await expect(banner).toHaveCount(0);
    expect(server.violations).toEqual([]);
  });

  test('"Start delivery" on a check-in opens that network\'s intake', async ({ page, launchHost }) => {
    const host = await launchHost();
    const storeId = await storeIdOf(host);
    await addNetwork(host, server);
    await page.goto(host.url);
    await expect(linkStatus(page)).toHaveAttribute('data-state', 'online', { timeout: SYNC_TIMEOUT });
    server.addDriverCheckIn(storeId, { id: 'check-in-2', at: await host.now() });
    await host.advanceClock(15_000);
    const banner = page.getByTestId('driver-check-in');
    await expect(banner).toContainText(en('home.checkIn.atCounter', { network: NAME }), { timeout: SYNC_TIMEOUT });
    await banner.getByRole('button', { name: en('home.checkIn.startLabel', { network: NAME }) }).click();
    await expect(page).toHaveURL(/#\/delivery\/\d+$/);
    await expect(page.getByRole('heading', { level: 1, name: en('delivery.title', { network: NAME }) })).toBeVisible();
    expect(await host.call('networks.checkIns')).toEqual([]);
  });

  test('a policy override the counter cannot use is refused next to its field, in words, and nothing changes', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const escaped = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    await page.goto(`${host.url}#/settings`);
    await page.getByRole('button', { name: en('settings.networks.editLabel', { name: 'Demo Express IT' }) }).click();
    const form = page.getByRole('form', { name: en('settings.networks.form.editTitle', { name: 'Demo Express IT' }) });
    const save = form.getByRole('button', { name: en('settings.networks.form.save') });
    const pattern = form.getByLabel(en('settings.networks.form.trackingIdPattern'));
    await pattern.fill('^(?=IT)[0-9A-Z]{12}$');
    await save.click();
    await expect(pattern).toHaveAttribute('aria-invalid', 'true');
    await expect(pattern).toHaveAccessibleDescription(escaped(en('errors.reasons.patternUnsupported')));

    await pattern.fill('');
    const intake = form.getByLabel(en('settings.networks.form.intakeWindowMinutes'));
    await intake.fill('100000');
    await save.click();
    await expect(intake).toHaveAttribute('aria-invalid', 'true');
    await expect(intake).toHaveAccessibleDescription(escaped(en('errors.reasons.tooBig', { max: 2880 })));
    const saved = await host.call<NetworkConfig[]>('networks.configs');
    expect(saved.find((n) => n.id === 'demo-it')!.policyOverrides).toEqual({});
  });
});
