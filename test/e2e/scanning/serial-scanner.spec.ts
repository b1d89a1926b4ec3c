import { join } from 'node:path';
import { SocatLine } from '../../unit/devices/socat';
import { expect, test } from '../fixtures';

/**
 * A real serial line (socat pty pair): the browser host opens one end with
 * --serial, the test writes labels to the other, as a serial scanner would.
 */
test.describe('serial scanner on a real pty', () => {
  test('shows as connected in settings, and a label written to the line shows as a classified scan', async ({
    page,
    launchHost,
    makeTempDir,
  }) => {
    const dir = makeTempDir();
    const line = new SocatLine(join(dir, 'scanner'), join(dir, 'writer'));
    await line.start();
    try {
      const host = await launchHost({ serial: line.a });
      await page.goto(`${host.url}#/settings`);
      const scanners = page.getByRole('list', { name: 'Scanners of this counter' });
      await expect(scanners.getByRole('listitem').filter({ hasText: `serial:${line.a}` })).toContainText('Connected');
      line.write('QC0000000042\r');
      const testArea = page.getByTestId('test-scan');
      await expect(testArea).toContainText('Received: QC0000000042 (from the serial scanner)');
      await expect(testArea).toContainText('Parcel label: QC0000000042, network demo-fr');
      await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-tone', 'success');

      // Unplug: the status turns to not connected, live.
      await line.stop();
      await expect(scanners.getByRole('listitem').filter({ hasText: `serial:${line.a}` })).toContainText('Not connected');
      // Plug back: connected again, and the next label arrives.
      await line.start();
      await expect(scanners.getByRole('listitem').filter({ hasText: `serial:${line.a}` })).toContainText('Connected', { timeout: 10_000 });
      line.write('PU:demo-it:123456\r');
      await expect(testArea).toContainText('Customer pickup code: 123456');
    } finally {
      await line.stop();
    }
  });

  test('a label written to the pty ticks the parcel on the intake screen', async ({ page, launchHost, makeTempDir }) => {
    const dir = makeTempDir();
    const line = new SocatLine(join(dir, 'scanner'), join(dir, 'writer'));
    await line.start();
    try {
      const host = await launchHost({ serial: line.a });
      const delivery = await host.call<{ id: number; parcels: { trackingId: string }[] }>('training.driverArrives', {
        networkId: 'demo-fr',
        count: 3,
      });
      await page.goto(`${host.url}#/delivery/${delivery.id}`);
      await expect(page.getByTestId('delivery-counts')).toHaveText('0 / 3');
      const label = delivery.parcels[1]!.trackingId;
      line.write(`${label}\r`);
      await expect(page.getByTestId('delivery-counts')).toHaveText('1 / 3');
      await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-tone', 'success');
      const after = await host.call<{ parcels: { trackingId: string; state: string }[] }>('delivery.get', { deliveryId: delivery.id });
      expect(after.parcels.find((p) => p.trackingId === label)?.state).toBe('received');
    } finally {
      await line.stop();
    }
  });

  test('a serial scanner added in settings is remembered', async ({ page, launchHost, makeTempDir }) => {
    const dataDir = makeTempDir();
    const host = await launchHost({ dataDir });
    await page.goto(`${host.url}#/settings`);
    await page.getByLabel('Port (for example /dev/ttyACM0 or COM3)').fill('/dev/ttyOpencounterTestNone');
    await page.getByRole('button', { name: 'Add serial scanner' }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'serial:/dev/ttyOpencounterTestNone' });
    await expect(row).toContainText('Not connected');
    await host.stop();
    const again = await launchHost({ dataDir });
    await page.goto(`${again.url}#/settings`);
    await expect(page.getByRole('listitem').filter({ hasText: 'serial:/dev/ttyOpencounterTestNone' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove scanner serial:/dev/ttyOpencounterTestNone' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'serial:/dev/ttyOpencounterTestNone' })).toHaveCount(0);
  });
});
