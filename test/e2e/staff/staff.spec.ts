import type { Page } from '@playwright/test';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { msg } from '../locales';

async function typePin(page: Page, pin: string): Promise<void> {
  const keypad = page.getByRole('group', { name: 'Numeric keypad' });
  for (const digit of pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await keypad.getByRole('button', { name: 'OK' }).click();
}

async function switchTo(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: msg('en', 'staff.badge.switch') }).click();
  await page
    .getByRole('group', { name: msg('en', 'staff.signIn.who') })
    .getByRole('button', { name, exact: true })
    .click();
}

/** Overwrites every page after the first (the header and schema stay) with garbage, as a failing disk would. */
function corrupt(file: string): void {
  const size = statSync(file).size;
  const garbage = Buffer.alloc(size - 4096, 0xa5);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, garbage, 0, garbage.length, 4096);
  } finally {
    closeSync(fd);
  }
}

// PIN hashing (scrypt) and two host starts take their time on a loaded machine.
test.describe.configure({ timeout: 90_000 });

test.describe('staff and sign-in', () => {
  test('first start: the setup step creates the first manager, who is then signed in', async ({ page, launchHost }) => {
    const host = await launchHost({ signedIn: false });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: msg('en', 'staff.setup.title') })).toBeVisible();
    await page.getByLabel(msg('en', 'staff.name')).fill('Giulia');
    await page.getByLabel(msg('en', 'staff.pin'), { exact: true }).fill('2468');
    await page.getByLabel(msg('en', 'staff.pinRepeat')).fill('2469');
    await page.getByRole('button', { name: msg('en', 'staff.setup.create') }).click();
    await expect(page.locator('#setup-repeat-error')).toHaveText(msg('en', 'errors.reasons.pinMismatch'));
    expect((await host.call<{ setupNeeded: boolean }>('session.current')).setupNeeded).toBe(true);

    await page.getByLabel(msg('en', 'staff.pinRepeat')).fill('2468');
    await page.getByRole('button', { name: msg('en', 'staff.setup.create') }).click();
    await expect(page.getByTestId('signed-in-name')).toHaveText('Giulia');
    expect(await host.call('session.current')).toMatchObject({ setupNeeded: false, person: { name: 'Giulia', role: 'manager' } });
  });

  test('setup: an empty name and a 3-digit PIN are each refused next to their own field, in the chosen language', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost({ signedIn: false });
    await page.goto(host.url);
    const create = async (language: 'en' | 'it') => page.getByRole('button', { name: msg(language, 'staff.setup.create') }).click();
    await page.getByRole('textbox', { name: msg('en', 'staff.pin'), exact: true }).fill('123');
    await page.getByRole('textbox', { name: msg('en', 'staff.pinRepeat') }).fill('123');
    await create('en');

    for (const language of ['en', 'it'] as const) {
      const nameField = page.getByRole('textbox', { name: msg(language, 'staff.name') });
      const pinField = page.getByRole('textbox', { name: msg(language, 'staff.pin'), exact: true });
      const repeatField = page.getByRole('textbox', { name: msg(language, 'staff.pinRepeat') });
      await expect(nameField).toHaveAttribute('aria-invalid', 'true');
      await expect(nameField).toHaveAccessibleDescription(msg(language, 'staff.problems.name'));
      await expect(pinField).toHaveAttribute('aria-invalid', 'true');
      await expect(pinField).toHaveAccessibleDescription(msg(language, 'staff.problems.pin'));
      await expect(repeatField).not.toHaveAttribute('aria-invalid', 'true');
      if (language === 'en') await page.getByRole('button', { name: msg('en', 'language.names.it') }).click();
    }
    expect((await host.call<{ setupNeeded: boolean }>('session.current')).setupNeeded).toBe(true);
  });

  test('adding a person: an empty name and a 3-digit PIN are each refused next to their own field, in French', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    await host.call('settings.setLanguage', { language: 'fr' });
    const before = (await host.call<unknown[]>('staff.list')).length;
    await page.goto(`${host.url}#/staff`);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: msg('fr', 'staff.add'), exact: true }) });
    await form.getByRole('textbox', { name: msg('fr', 'staff.name') }).fill('   ');
    await form.getByRole('textbox', { name: msg('fr', 'staff.pin'), exact: true }).fill('123');
    await form.getByRole('button', { name: msg('fr', 'staff.add'), exact: true }).click();
    for (const [label, reason] of [
      ['staff.name', 'staff.problems.name'],
      ['staff.pin', 'staff.problems.pin'],
    ] as const) {
      const field = form.getByRole('textbox', { name: msg('fr', label), exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(msg('fr', reason));
    }
    expect((await host.call<unknown[]>('staff.list')).length).toBe(before);
  });

  test('a clerk is refused a manager screen, and the call forced past the screen is refused in main', async ({ page, launchHost }) => {
    const host = await launchHost();
    const people = await host.call<{ id: string; name: string }[]>('staff.add', { name: 'Marco', role: 'clerk', pin: '1357' });
    const marco = people.find((p) => p.name === 'Marco')!;
    await page.goto(host.url);
    await switchTo(page, 'Marco');
    await typePin(page, '1357');
    await expect(page.getByTestId('signed-in-name')).toHaveText('Marco');
    await page.goto(`${host.url}#/settings`);
    await expect(page.getByRole('heading', { name: msg('en', 'staff.refused.title') })).toBeVisible();
    await expect(page.getByText(msg('en', 'errors.FORBIDDEN'))).toBeVisible();
    await expect(host.call('staff.add', { name: 'Eve', role: 'manager', pin: '0000' })).rejects.toThrow(/FORBIDDEN/);
    await expect(host.call('networks.configs')).rejects.toThrow(/FORBIDDEN/);
    await expect(host.call('updates.setOpenAtLogin', { openAtLogin: true })).rejects.toThrow(/FORBIDDEN/);
    await expect(
      host.call('service.technicians.save', {
        name: 'Anna',
        skills: [],
        latitude: 45.46,
        longitude: 9.19,
        week: [[], [], [], [], [], [], []],
        zones: [],
        groups: [],
      }),
    ).rejects.toThrow(/FORBIDDEN/);
    expect((await host.call<{ person: { id: string } }>('session.current')).person.id).toBe(marco.id);
  });

  test('5 wrong PINs are free, then the person waits, even with the right PIN, until the wait is over', async ({ page, launchHost }) => {
    const host = await launchHost();
    await host.call('staff.add', { name: 'Marco', role: 'clerk', pin: '1357' });
    await page.goto(host.url);
    await switchTo(page, 'Marco');
    const message = page.getByRole('alert').filter({ hasText: /PIN/ });
    for (let wrong = 1; wrong <= 4; wrong += 1) {
      await typePin(page, '9999');
      await expect(message).toHaveText(msg('en', 'staff.signIn.wrong', { count: 5 - wrong }, 5 - wrong));
    }
    await typePin(page, '9999');
    await expect(message).toHaveText(/^Wrong PIN\. Try again at /);
    await typePin(page, '1357');
    await expect(message).toHaveText(/^Too many wrong PINs\. Try again at /);
    await expect(page.getByTestId('signed-in-name')).toHaveText('Test manager');

    await host.advanceClock(5 * 60_000);
    await typePin(page, '1357');
    await expect(page.getByTestId('signed-in-name')).toHaveText('Marco');
  });

  test('the idle lock waits for a running delivery to end, then locks the counter', async ({ page, launchHost }) => {
    const host = await launchHost();
    await host.call('staff.setIdleLock', { minutes: 10 });
    await page.goto(host.url);
    await expect(page.getByTestId('signed-in-name')).toHaveText('Test manager');
    const delivery = await host.call<{ id: number }>('delivery.handOver', { networkId: 'demo-fr' });
    await host.advanceClock(11 * 60_000);
    await page.reload();
    await expect(page.getByTestId('signed-in-name')).toHaveText('Test manager');
    await host.call('delivery.complete', { deliveryId: delivery.id });
    await expect(page.getByRole('heading', { name: msg('en', 'staff.signIn.title') })).toBeVisible();
    await expect(page.getByTestId('signed-in-name')).toHaveCount(0);
  });

  test('a live file damaged on purpose: the error screen restores the newest good backup', async ({ page, launchHost, makeTempDir }) => {
    const dataDir = makeTempDir();
    const first = await launchHost({ dataDir });
    const delivery = await first.call<{ id: number }>('delivery.handOver', { networkId: 'demo-fr' });
    await first.call('delivery.complete', { deliveryId: delivery.id });
    const { backups } = await first.call<{ backups: { name: string }[] }>('backups.create');
    expect(backups.length).toBeGreaterThan(0);
    await first.stop();
    const live = join(dataDir, 'opencounter.sqlite');
    for (const side of ['-wal', '-shm']) rmSync(`${live}${side}`, { force: true });
    corrupt(live);

    const second = await launchHost({ dataDir });
    await page.goto(second.url);
    await expect(page.getByRole('heading', { name: msg('en', 'databaseError.title') })).toBeVisible();
    await page.getByRole('button', { name: msg('en', 'backups.restoreNewest') }).click();
    // The restored file has the test manager; a restored counter starts signed out.
    await expect(page.getByRole('heading', { name: msg('en', 'staff.signIn.title') })).toBeVisible();
    await typePin(page, '1234');
    await expect(page.getByTestId('signed-in-name')).toHaveText('Test manager');
    expect(await second.call<{ id: number }>('delivery.get', { deliveryId: delivery.id })).toMatchObject({ id: delivery.id });
  });
});
