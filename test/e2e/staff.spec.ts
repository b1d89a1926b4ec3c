import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function typePin(page: Page, pin: string): Promise<void> {
  const keypad = page.getByRole('group', { name: 'Numeric keypad' });
  for (const digit of pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await keypad.getByRole('button', { name: 'OK' }).click();
}

test.describe('staff and sign-in', () => {
  test('a clerk is refused a manager screen, and the call forced past the screen is refused in main', async ({ page, launchHost }) => {
    const host = await launchHost();
    const people = await host.call<{ id: string; name: string }[]>('staff.add', { name: 'Marco', role: 'clerk', pin: '1357' });
    const marco = people.find((p) => p.name === 'Marco')!;
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Switch' }).click();
    await page.getByRole('button', { name: 'Marco' }).click();
    await typePin(page, '1357');
    await expect(page.getByTestId('signed-in-name')).toHaveText('Marco');
    await page.goto(`${host.url}#/settings`);
    await expect(page.getByRole('heading', { name: 'Managers only' })).toBeVisible();
    await expect(page.getByText('Only a manager can do this.')).toBeVisible();
    await expect(host.call('staff.add', { name: 'Eve', role: 'manager', pin: '0000' })).rejects.toThrow(/FORBIDDEN/);
    await expect(host.call('networks.configs')).rejects.toThrow(/FORBIDDEN/);
    expect((await host.call<{ person: { id: string } }>('session.current')).person.id).toBe(marco.id);
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
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('signed-in-name')).toHaveCount(0);
  });

});
