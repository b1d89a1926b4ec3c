import type { Page } from '@playwright/test';
import type { NetworkSummary } from '../../../main/api/schemas';
import type { CounterStatus, ParcelView } from '../../../main/api/parcels/schemas';
import { openCounterCore } from '../../../main/core/counter-core';
import { demoParcel } from '../../../main/core/networks/demo-network';
import { chooseLanguage, escapeRegExp, parcelsDelivered, scanFeedback, stateOf } from '../counter-steps';
import { expect, test } from '../fixtures';
import type { RunningHost } from '../host';
import { fill, grouped, messages, plural, type Language } from '../locales';
import { DAY_MS } from '../../../main/core/durations';

/** The locale keys this screen reads. */
interface ReturnsMessages {
  language: { names: Record<Language, string> };
  common: { confirm: string; cancel: string };
  states: Record<ParcelView['state'], string>;
  returns: {
    title: string;
    chooseNetwork: string;
    selected: string;
    selectAll: string;
    scannedMark: string;
    handOver: string;
    confirmTitle: string;
    done: string;
    empty: string;
    listLabel: string;
    feedback: { confirmed: string; alreadyConfirmed: string; notWaiting: string };
  };
}
const text = (language: Language) => messages[language] as unknown as ReturnsMessages;

const NETWORK = 'demo-it' as const;

/** The Italian demo driver brings `count` parcels (received at once: the driver scans them). */
const parcelsArrive = (host: RunningHost, count: number) => parcelsDelivered(host, NETWORK, count);

/** How the custody log says each parcel left the store. */
async function handOverMethods(host: RunningHost, parcels: readonly ParcelView[]): Promise<string[]> {
  const now = await host.now();
  const core = openCounterCore(host.dataDir, { now: () => now });
  try {
    return parcels.map((p) => core.counter.ledger.history(p.id).find((e) => e.toState === 'returned')?.method ?? 'none');
  } finally {
    core.close();
  }
}

const row = (page: Page, parcel: ParcelView) => page.getByRole('checkbox', { name: new RegExp(escapeRegExp(grouped(parcel.trackingId))) });

// Parcels left expired past the 2 h scan window would block a shared host: each test has its own.
test.describe('driver pickup (returns)', () => {
  test('in Italian: expired parcels scanned for return are handed over, one confirmed by a scan and one tapped', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const it = text('it');
    const parcels = await parcelsArrive(host, 2);
    const [scanned, tapped] = parcels as [ParcelView, ParcelView];
    const networkName = (await host.call<NetworkSummary[]>('networks.list')).find((n) => n.id === NETWORK)!.name;

    // Seven days later they expire and the notice asks for the expired-parcel scan; the store scans them for return.
    await host.advanceClock(7 * DAY_MS + 60_000);
    let noticeId = 0;
    await expect
      .poll(async () => {
        const status = await host.call<CounterStatus>('counter.status');
        noticeId = status.expiredNotices.find((n) => n.networkId === NETWORK)?.id ?? 0;
        return noticeId;
      })
      .toBeGreaterThan(0);
    for (const parcel of parcels) {
      const result = await host.call<{ outcome: string }>('expired.scan', { noticeId, trackingId: parcel.trackingId, method: 'scanner' });
      expect(result.outcome).toBe('scanned');
    }

    await page.goto(`${host.url}#/returns`);
    await chooseLanguage(page, 'it');
    await expect(page.getByRole('heading', { level: 1, name: it.returns.title })).toBeVisible();
    // The network with parcels waiting is open, its count on the tab.
    await expect(page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(networkName)}`) })).toHaveAttribute('aria-selected', 'true');
    const list = page.getByRole('list', { name: fill(it.returns.listLabel, { network: networkName }) });
    await expect(list.getByRole('checkbox')).toHaveCount(2);
    for (const parcel of parcels) {
      await expect(row(page, parcel)).toContainText(parcel.recipientName);
      await expect(row(page, parcel)).toContainText(parcel.slotId!);
      await expect(row(page, parcel)).toContainText(it.states.return_scanned);
      await expect(row(page, parcel)).not.toBeChecked();
    }
    const handOver = page.getByRole('button', { name: it.returns.handOver });
    await expect(handOver).toBeDisabled();

    // A scan ticks and confirms; scanning it again changes nothing.
    await host.scan(scanned.trackingId);
    await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'success');
    await expect(scanFeedback(page)).toHaveText(fill(it.returns.feedback.confirmed, { tracking: grouped(scanned.trackingId) }));
    await expect(row(page, scanned)).toBeChecked();
    await expect(row(page, scanned)).toContainText(it.returns.scannedMark);
    await expect(page.getByTestId('returns-counts')).toHaveText(fill(it.returns.selected, { selected: 1, total: 2 }));
    await expect(handOver).toBeEnabled();
    await host.scan('NOT-A-LABEL');
    await host.scan(scanned.trackingId);
    await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'warning');
    await expect(scanFeedback(page)).toHaveText(fill(it.returns.feedback.alreadyConfirmed, { tracking: grouped(scanned.trackingId) }));

    // A tap selects (and a second tap deselects) without a scan.
    await row(page, tapped).click();
    await expect(row(page, tapped)).toBeChecked();
    await row(page, tapped).click();
    await expect(row(page, tapped)).not.toBeChecked();
    await row(page, tapped).click();
    await expect(row(page, tapped)).toBeChecked();
    await expect(row(page, tapped)).not.toContainText(it.returns.scannedMark);
    await expect(page.getByTestId('returns-counts')).toHaveText(fill(it.returns.selected, { selected: 2, total: 2 }));

    await handOver.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(plural(it.returns.confirmTitle, 2, { network: networkName }));
    await dialog.getByRole('button', { name: it.common.confirm }).click();
    await expect(page.getByTestId('returns-summary')).toContainText(plural(it.returns.done, 2));
    await expect(page.getByTestId('returns-empty')).toContainText(it.returns.empty);
    await expect(page.getByRole('checkbox')).toHaveCount(0);

    for (const parcel of parcels) expect(await stateOf(host, parcel.trackingId)).toBe('returned');
    // The custody log tells the scanned one from the tapped one.
    expect(await handOverMethods(host, parcels)).toEqual(['scanner', 'manual']);
    expect((await host.call<CounterStatus>('counter.status')).returnsWaiting).toEqual([]);
  });

  test('in French: parcels refused at pickup wait for the driver; a label not on the list is refused; all handed over', async ({
    page,
    launchHost,
  }) => {
    const host = await launchHost();
    const fr = text('fr');
    const parcels = await parcelsArrive(host, 6);
    const networks = await host.call<NetworkSummary[]>('networks.list');
    const networkName = networks.find((n) => n.id === NETWORK)!.name;
    const otherNetwork = networks.find((n) => n.id !== NETWORK)!;

    // A customer refuses both parcels at the counter.
    const codeOf = new Map<string, string>();
    for (let n = 0; n < 100 && codeOf.size < parcels.length; n++) {
      const announced = demoParcel(NETWORK, n);
      if (parcels.some((p) => p.trackingId === announced.trackingId)) codeOf.set(announced.trackingId, announced.pickupCode);
    }
    const code = [...codeOf.values()].find((c, _, all) => all.filter((x) => x === c).length === 2)!;
    const refused = parcels.filter((p) => codeOf.get(p.trackingId) === code);
    const stillHere = parcels.find((p) => codeOf.get(p.trackingId) !== code)!;
    expect(refused).toHaveLength(2);
    const started = await host.call<{ outcome: string; pickup: { id: number } }>('pickup.start', { code, method: 'keyboard' });
    expect(started.outcome).toBe('found');
    for (const parcel of refused) {
      await host.call('pickup.resolve', { pickupId: started.pickup.id, parcelId: parcel.id, resolution: 'refused' });
    }

    // The other network has nothing to hand over.
    await page.goto(`${host.url}#/returns/${otherNetwork.id}`);
    await chooseLanguage(page, 'fr');
    await expect(page.getByRole('heading', { level: 1, name: fr.returns.title })).toBeVisible();
    await expect(page.getByRole('tablist', { name: fr.returns.chooseNetwork })).toBeVisible();
    await expect(page.getByTestId('returns-empty')).toContainText(fr.returns.empty);

    await page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(networkName)}`) }).click();
    await expect(page).toHaveURL(new RegExp(`#/returns/${NETWORK}$`));
    await expect(page.getByRole('checkbox')).toHaveCount(2);
    for (const parcel of refused) await expect(row(page, parcel)).toContainText(fr.states.refused);

    // A parcel still waiting for its customer is not on the list.
    await host.scan(stillHere.trackingId);
    await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'error');
    await expect(scanFeedback(page)).toHaveText(
      fill(fr.returns.feedback.notWaiting, { tracking: grouped(stillHere.trackingId), state: fr.states.received }),
    );

    await page.getByRole('button', { name: fr.returns.selectAll }).click();
    await expect(page.getByTestId('returns-counts')).toHaveText(fill(fr.returns.selected, { selected: 2, total: 2 }));
    await page.getByRole('button', { name: fr.returns.handOver }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(plural(fr.returns.confirmTitle, 2, { network: networkName }));
    // Cancel first: nothing leaves.
    await dialog.getByRole('button', { name: fr.common.cancel }).click();
    await expect(dialog).toBeHidden();
    expect(await stateOf(host, refused[0]!.trackingId)).toBe('refused');

    await page.getByRole('button', { name: fr.returns.handOver }).click();
    await dialog.getByRole('button', { name: fr.common.confirm }).click();
    await expect(page.getByTestId('returns-summary')).toContainText(plural(fr.returns.done, 2));
    await expect(page.getByTestId('returns-empty')).toContainText(fr.returns.empty);
    for (const parcel of refused) expect(await stateOf(host, parcel.trackingId)).toBe('returned');
    expect(await stateOf(host, stillHere.trackingId)).toBe('received');
    expect(await handOverMethods(host, refused)).toEqual(['manual', 'manual']);
  });
});
