import { expect, test } from '../fixtures';

/** The training panel drives the demo network so staff can practise every flow. */
test('training: a driver arrives, then a customer, then days pass', async ({ page, launchHost }) => {
  const host = await launchHost();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('link', { name: /^Formation/ }).click();
  await expect(page.getByRole('note')).toContainText('FORMATION');

  await page.getByLabel('Colis apportés par le chauffeur').fill('3');
  await page.getByRole('button', { name: 'Un chauffeur Démo Relais FR arrive' }).click();
  await expect(page).toHaveURL(/#\/delivery\/\d+$/);
  await expect(page.getByTestId('delivery-counts')).toHaveText('0 / 3');

  // Receive them all through the contract, then let a customer arrive.
  const deliveryId = Number(page.url().split('/').pop());
  const delivery = await host.call<{ parcels: { trackingId: string }[] }>('delivery.get', { deliveryId });
  for (const p of delivery.parcels) await host.call('delivery.scan', { deliveryId, trackingId: p.trackingId, method: 'scanner' });
  await host.call('delivery.complete', { deliveryId });

  await page.getByRole('link', { name: 'Accueil', exact: true }).click();
  await page.getByRole('link', { name: /^Formation/ }).click();
  await page.getByRole('button', { name: 'Un client Démo Relais FR arrive' }).click();
  const customer = page.getByTestId('training-customer');
  await expect(customer).toContainText(/Code de retrait : \d{6}/);
  const code = /Code de retrait : (\d{6})/.exec((await customer.textContent()) ?? '')![1]!;
  const started = await host.call<{ outcome: string }>('pickup.start', { code, method: 'keyboard' });
  expect(started.outcome).toBe('found');

  // 14 days pass for the demo parcels: they expire and the home screen says so.
  await page.getByRole('button', { name: '14 jours passent' }).click();
  await expect(page.getByTestId('scan-feedback')).toContainText('14 jours sont passés');
  await page.getByRole('link', { name: 'Accueil', exact: true }).click();
  await expect(page.getByRole('list', { name: 'À faire' })).toContainText('arrivés à expiration à scanner pour le retour');
});
