import type { Page } from '@playwright/test';
import type { DeliveryView, ParcelView } from '../../main/api/parcels/schemas';
import { demoParcel } from '../../main/core/networks/demo-network';
import { expect } from './fixtures';
import type { RunningHost } from './host';
import { msg, type Language } from './locales';

/** The steps the parcel-counter specs share: parcels arriving, the language switch, what a screen says. */

export type DemoNetworkId = 'demo-fr' | 'demo-it';

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The bar below the screen with the last scan's result. */
export const scanFeedback = (page: Page) => page.getByTestId('scan-feedback');

/** Switches the language with the top bar's buttons, as staff do. */
export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.getByRole('button', { name: msg('en', `language.names.${language}`), exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** A demo driver hands over `count` parcels; the intake stays open. */
export async function driverArrives(host: RunningHost, networkId: DemoNetworkId, count: number): Promise<DeliveryView> {
  const delivery = await host.call<DeliveryView>('training.driverArrives', { networkId, count });
  expect(delivery.parcels).toHaveLength(count);
  return delivery;
}

/** A demo driver hands over `count` parcels, each is received (scanned where the store scans) and the intake is Done. */
export async function parcelsDelivered(host: RunningHost, networkId: DemoNetworkId, count: number): Promise<ParcelView[]> {
  const delivery = await driverArrives(host, networkId, count);
  for (const parcel of delivery.parcels) {
    if (parcel.state === 'expected')
      await host.call('delivery.scan', { deliveryId: delivery.id, trackingId: parcel.trackingId, method: 'scanner' });
  }
  const done = await host.call<{ delivery: DeliveryView; notDelivered: number }>('delivery.complete', { deliveryId: delivery.id });
  expect(done.notDelivered).toBe(0);
  return done.delivery.parcels;
}

/** Which customer (pickup code) each parcel is for: the demo manifest is deterministic. */
export function parcelsByPickupCode(networkId: DemoNetworkId, parcels: readonly ParcelView[]): Map<string, ParcelView[]> {
  const byTracking = new Map(parcels.map((p) => [p.trackingId, p]));
  const byCode = new Map<string, ParcelView[]>();
  let found = 0;
  for (let n = 0; n < 20_000 && found < byTracking.size; n++) {
    const announced = demoParcel(networkId, n);
    const parcel = byTracking.get(announced.trackingId);
    if (!parcel) continue;
    found++;
    byCode.set(announced.pickupCode, [...(byCode.get(announced.pickupCode) ?? []), parcel]);
  }
  expect(found, 'every delivered parcel is in the demo manifest').toBe(byTracking.size);
  return byCode;
}

/** A parcel's state as main has it now. */
export async function stateOf(host: RunningHost, trackingId: string): Promise<ParcelView['state'] | undefined> {
  return (await host.call<{ parcel: ParcelView | null }>('parcels.locate', { trackingId })).parcel?.state;
}
