import { DRIVER_TOKEN_SKEW_STEPS } from '../../../main/core/driver-qr/driver-qr-service';
import { expect, test } from '../fixtures';
import { messages, startsWith } from '../locales';
import { decodeQr, spaced } from '../qr';

const en = messages.en;
const STEP_MS = 30_000;

test.describe('driver QR', () => {
  test('opens in one tap from home and shows the code main computes', async ({ page, hostCore }) => {
    // Just after a step boundary: ~29 s before the code may rotate.
    await hostCore.alignToStep(STEP_MS);
    await page.goto('/');
    await page
      .getByRole('main')
      .getByRole('link', { name: startsWith(en.home.tiles.driverDelivery) })
      .click();

    await expect(page).toHaveURL(/#\/driver/);
    const code = page.getByTestId('driver-code');
    await expect(code).toHaveText(/^\d{3} \d{3}$/);

    const [first] = hostCore.core.networks.list().filter((n) => n.enabled);
    await expect(page.getByRole('tab', { name: first!.name })).toHaveAttribute('aria-selected', 'true');
    await hostCore.sync();
    const expected = await hostCore.core.driverQr.current(first!.id);
    await expect(code).toHaveText(spaced(expected.code));

    // A reload (or a deep link to #/driver) shows the same code, not an empty screen.
    await page.reload();
    await expect(page.getByRole('tab', { name: first!.name })).toHaveAttribute('aria-selected', 'true');
    await expect(code).toHaveText(spaced(expected.code));
  });

  test('the QR decodes to a token core accepts now and refuses as expired later; the screen then rotates', async ({ page, hostCore }) => {
    await hostCore.alignToStep(STEP_MS);
    await page.goto('/#/driver');
    const code = page.getByTestId('driver-code');
    await expect(code).toHaveText(/^\d{3} \d{3}$/);
    // The SVG alone: a smaller screenshot decodes faster than the full-width box around it.
    const qr = page.getByRole('img', { name: en.driverQr.qrAria }).locator('svg');
    const [first] = hostCore.core.networks.list().filter((n) => n.enabled);

    const payload = await decodeQr(qr);
    const now = await hostCore.sync();
    const verdict = hostCore.core.driverQr.verifyDriverToken(payload, now);
    expect(verdict).toEqual({
      valid: true,
      claims: { storeId: hostCore.core.storeId, networkId: first!.id, step: Math.floor(now / STEP_MS) },
    });
    const codeBefore = await code.textContent();
    expect(codeBefore).toBe(spaced((await hostCore.core.driverQr.current(first!.id)).code));

    // Past the accepted skew: the same payload is now expired.
    const later = await hostCore.advance((DRIVER_TOKEN_SKEW_STEPS + 2) * STEP_MS);
    expect(hostCore.core.driverQr.verifyDriverToken(payload, later)).toEqual({ valid: false, reason: 'expired' });

    // Main's timer pushed a new code and QR for the new step.
    const expectedAfter = await hostCore.core.driverQr.current(first!.id);
    await expect(code).toHaveText(spaced(expectedAfter.code));
    await expect.poll(() => decodeQr(qr)).not.toBe(payload);
    const payloadAfter = await decodeQr(qr);
    expect(hostCore.core.driverQr.verifyDriverToken(payloadAfter, later)).toMatchObject({
      valid: true,
      claims: { networkId: first!.id, step: Math.floor(later / STEP_MS) },
    });
  });

  test('switching the network tab shows that network’s code and QR', async ({ page, hostCore }) => {
    await hostCore.alignToStep(STEP_MS);
    const networks = hostCore.core.networks.list().filter((n) => n.enabled);
    expect(networks.length).toBeGreaterThanOrEqual(2);
    const [first, second] = networks as [(typeof networks)[0], (typeof networks)[0]];

    await page.goto('/#/driver');
    await expect(page.getByRole('tablist', { name: en.driverQr.chooseNetwork })).toBeVisible();
    const code = page.getByTestId('driver-code');
    // The SVG alone: a smaller screenshot decodes faster than the full-width box around it.
    const qr = page.getByRole('img', { name: en.driverQr.qrAria }).locator('svg');
    await expect(page.getByRole('tab', { name: first.name })).toHaveAttribute('aria-selected', 'true');
    await hostCore.sync();
    await expect(code).toHaveText(spaced((await hostCore.core.driverQr.current(first.id)).code));
    const firstPayload = await decodeQr(qr);

    await page.getByRole('tab', { name: second.name }).click();
    await expect(page.getByRole('tab', { name: second.name })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: first.name })).toHaveAttribute('aria-selected', 'false');
    await expect(page).toHaveURL(new RegExp(`#/driver/${second.id}$`));
    await hostCore.sync();
    const expected = await hostCore.core.driverQr.current(second.id);
    expect(expected.code).not.toBe((await hostCore.core.driverQr.current(first.id)).code);
    await expect(code).toHaveText(spaced(expected.code));

    await expect.poll(() => decodeQr(qr)).not.toBe(firstPayload);
    const secondPayload = await decodeQr(qr);
    expect(hostCore.core.driverQr.verifyDriverToken(secondPayload, hostCore.now)).toMatchObject({
      valid: true,
      claims: { networkId: second.id },
    });
  });
});
