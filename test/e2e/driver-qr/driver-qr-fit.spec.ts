import { openCounterCore } from '../../../main/core/counter-core';
import { expectNoSeriousAxeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { messages, msg } from '../locales';
import { decodeQrOnScreen, spaced } from '../qr';

const en = messages.en;
const VIEWPORTS = [
  { width: 800, height: 600 },
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1280, height: 1024 },
  { width: 1920, height: 1080 },
] as const;

test.describe.configure({ timeout: 90_000 });

test('the driver QR and its code are wholly on screen at every counter size, with banners showing, and the QR read from the screen verifies', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost();
  let now = await host.now();
  const core = openCounterCore(host.dataDir, { now: () => now });
  try {
    // An intake with its deadline banner, and the red bar of a scan the counter could not read.
    await host.call('training.driverArrives', { networkId: 'demo-fr', count: 2 });
    await page.goto(`${host.url}#/driver/demo-it`);
    await expect(page.getByTestId('driver-code')).toHaveText(/^\d{3} \d{3}$/);
    await host.scan('NOT-A-LABEL-?');
    await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-tone', 'error');
    await expect(page.getByTestId('deadline-banner')).toBeVisible();

    const qr = page.getByRole('img', { name: en.driverQr.qrAria }).locator('svg');
    const code = page.getByTestId('driver-code');
    for (const viewport of VIEWPORTS) {
      await test.step(`${viewport.width}×${viewport.height}`, async () => {
        await page.setViewportSize(viewport);
        await expect(page.getByTestId('scan-feedback')).toBeInViewport({ ratio: 1 });
        await expect(qr).toBeInViewport({ ratio: 1 });
        await expect(code).toBeInViewport({ ratio: 1 });
        await expect(page.getByRole('button', { name: msg('en', 'driverQr.scanNow') })).toBeInViewport({ ratio: 1 });
        // As large as the free height allows: the screen's height less its tabs and padding.
        const box = (await qr.boundingBox())!;
        const screen = (await page.getByRole('main').boundingBox())!;
        const tabs = (await page.getByRole('tablist').boundingBox())!;
        expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(screen.height - tabs.height - 40);

        const payload = await decodeQrOnScreen(page);
        now = await host.now();
        expect(core.driverQr.verifyDriverToken(payload, now)).toEqual({
          valid: true,
          claims: { storeId: core.storeId, networkId: 'demo-it', step: expect.any(Number) },
        });
        await expect(code).toHaveText(spaced((await core.driverQr.current('demo-it')).code));
      });
    }
    await expectNoSeriousAxeViolations(page);
  } finally {
    core.close();
  }
});

test('the QR screen opens on the network whose driver usually comes at this time of day, its start button in view', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost();
  // Yesterday at this hour the French driver came (the Italian network is listed first).
  const delivery = await host.call<{ id: number }>('training.driverArrives', { networkId: 'demo-fr', count: 1 });
  await host.call('delivery.complete', { deliveryId: delivery.id });
  await host.advanceClock(24 * 3600_000 - 10 * 60_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${host.url}#/driver`);
  await expect(page.getByRole('tab', { name: 'Démo Relais FR' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('driver-code')).toHaveText(/^\d{3} \d{3}$/);
  const start = page.getByRole('button', { name: msg('en', 'driverQr.scanNow') });
  await expect(start).toBeInViewport({ ratio: 1 });
  await start.click();
  await expect(page.getByRole('heading', { level: 1, name: msg('en', 'delivery.title', { network: 'Démo Relais FR' }) })).toBeVisible();
});
