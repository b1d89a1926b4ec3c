import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures';
import { msg } from '../locales';

async function typePin(scope: Locator, pin: string): Promise<void> {
  const keypad = scope.getByRole('group', { name: 'Numeric keypad' });
  for (const digit of pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await keypad.getByRole('button', { name: 'OK' }).click();
}

test.describe.configure({ timeout: 90_000 });

test('--kiosk: leaving kiosk mode asks for a manager PIN; a clerk’s PIN or a wrong one leaves nothing', async ({ page, launchHost }) => {
  const host = await launchHost({ kiosk: true });
  await host.call('staff.add', { name: 'Marco', role: 'clerk', pin: '1357' });
  expect(await host.call('kiosk.state')).toEqual({ on: true, setting: false, flag: true, touchScreen: false, keyboard: true });
  await page.goto(host.url);
  await page.getByRole('button', { name: msg('en', 'kiosk.leave') }).click();
  const dialog = page.getByRole('dialog', { name: msg('en', 'kiosk.leaveTitle') });
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Marco', exact: true }).click();
  await typePin(dialog, '1357');
  await expect(dialog.getByRole('alert')).toContainText(msg('en', 'errors.FORBIDDEN'));
  await dialog.getByRole('button', { name: 'Test manager', exact: true }).click();
  await typePin(dialog, '0000');
  await expect(dialog.getByRole('alert')).toHaveText(msg('en', 'staff.signIn.wrong', { count: 4 }, 4));
  expect(await host.call('kiosk.state')).toMatchObject({ on: true });

  await typePin(dialog, '1234');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: msg('en', 'kiosk.leave') })).toHaveCount(0);
  expect(await host.call('kiosk.state')).toMatchObject({ on: false, flag: true });
});

test('a manager’s setting puts a counter started without --kiosk in kiosk mode', async ({ page, launchHost }) => {
  const host = await launchHost();
  await page.goto(`${host.url}#/staff`);
  await page.getByRole('checkbox', { name: msg('en', 'kiosk.setting.label') }).check();
  await expect(page.getByRole('button', { name: msg('en', 'kiosk.leave') })).toBeVisible();
  expect(await host.call('kiosk.state')).toEqual({ on: true, setting: true, flag: false, touchScreen: false, keyboard: true });
});
