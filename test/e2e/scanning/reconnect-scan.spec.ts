import type { DeliveryView } from '../../../main/api/parcels/schemas';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { grouped, msg } from '../locales';

/**
 * The browser host restarts (an update, a crash) while the page stays open: a
 * label scanned by a keyboard-wedge scanner before the page's WebSocket is back
 * is sent once it is back, or the clerk is told it was lost; never dropped silently.
 */

test.describe.configure({ timeout: 90_000 });

/**
 * A keyboard-wedge scanner types a label in a few milliseconds. Playwright's
 * keyboard.type sends one key per round trip, and on a loaded machine the gaps
 * passed the 100 ms pause that ends a burst: the label then left the page in
 * pieces, and the piece the test dropped was not a whole scan, so no "scan
 * lost" was due. The keys are dispatched in the page, at scanner speed.
 */
async function scanWithWedge(page: Page, label: string): Promise<void> {
  await page.evaluate(
    (keys) => {
      for (const key of keys) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    },
    [...label.split(''), 'Enter'],
  );
}

test('a scan made while the host restarts reaches the new host when the page reconnects', async ({ page, launchHost, makeTempDir }) => {
  const dataDir = makeTempDir();
  const first = await launchHost({ dataDir });
  const delivery = await first.call<DeliveryView>('training.driverArrives', { networkId: 'demo-fr', count: 3 });
  await page.goto(`${first.url}#/delivery/${delivery.id}`);
  await expect(page.getByTestId('delivery-counts')).toHaveText('0 / 3');
  await first.stop();

  // The scanner types the label into the page while nothing listens on the port.
  const label = delivery.parcels[1]!.trackingId;
  await scanWithWedge(page, label);

  await launchHost({ dataDir, port: first.port });
  const row = page.getByTestId('delivery-parcel').filter({ hasText: grouped(label) });
  await expect(row).toHaveAttribute('data-state', 'received', { timeout: 20_000 });
  await expect(page.getByTestId('delivery-counts')).toHaveText('1 / 3');
});

test('a scan on its way when the connection drops: the clerk is told it was lost, and scanning again works', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost();
  const delivery = await host.call<DeliveryView>('training.driverArrives', { networkId: 'demo-fr', count: 3 });
  // Between page and host: the first connection drops the moment the scanner's keys are on the wire.
  let connections = 0;
  await page.routeWebSocket(/\/api$/, (ws) => {
    const server = ws.connectToServer();
    const dropOnKeys = ++connections === 1;
    ws.onMessage((message) => {
      if (dropOnKeys && String(message).includes('"wedge.keys"')) {
        void ws.close();
        void server.close();
        return;
      }
      server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  await page.goto(`${host.url}#/delivery/${delivery.id}`);
  await expect(page.getByTestId('delivery-counts')).toHaveText('0 / 3');

  const label = delivery.parcels[0]!.trackingId;
  await scanWithWedge(page, label);
  const bar = page.getByTestId('scan-feedback');
  await expect(bar).toHaveAttribute('data-tone', 'error');
  await expect(bar).toHaveText(msg('en', 'wedge.scanLost'));
  await expect(page.getByTestId('delivery-counts')).toHaveText('0 / 3');

  // Reconnected: the same label scanned again is taken in.
  await expect.poll(() => connections).toBeGreaterThan(1);
  await scanWithWedge(page, label);
  await expect(page.getByTestId('delivery-counts')).toHaveText('1 / 3');
});
