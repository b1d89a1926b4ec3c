import type { Page } from '@playwright/test';
import type { ParcelView } from '../../../main/api/parcels/schemas';
import { chooseLanguage, escapeRegExp, parcelsByPickupCode, parcelsDelivered, scanFeedback, stateOf } from '../counter-steps';
import { expect, test, type HostCore } from '../fixtures';
import type { RunningHost } from '../host';
import { fill, grouped, messages, plural, type Language } from '../locales';

/** The locale keys this screen reads (the tests follow the translators, not copies of the words). */
interface PickupMessages {
  language: { names: Record<Language, string> };
  common: { done: string; confirm: string; back: string };
  sizes: Record<ParcelView['size'], string>;
  states: Record<ParcelView['state'], string>;
  rejections: { 'other-customer': string };
  manual: { label: string; suggestions: string };
  keypad: { erase: string; ok: string; label: string };
  pickup: {
    title: string;
    scanPrompt: string;
    enterCode: string;
    wrongCode: string;
    locked: string;
    scanParcels: string;
    listLabel: string;
    counts: string;
    scanned: string;
    toScan: string;
    confirmIncomplete: string;
    finishAnyway: string;
    handOver: string;
    nextCustomer: string;
    notHandedOver: string;
    feedback: { scanned: string; alreadyScanned: string; notFound: string; refused: string };
    panel: { cannotScan: string; notFound: string; refused: string; manualSubmit: string; confirmNotFound: string; confirmRefused: string };
  };
}
const text = (language: Language) => messages[language] as unknown as PickupMessages;

const NETWORK = 'demo-it' as const;

interface Customer {
  code: string;
  barcode: string;
  parcels: ParcelView[];
}

/**
 * A driver of the Italian demo network brings `count` parcels (the driver scans,
 * so they are received at once); returns the customers they belong to, those
 * with the most parcels first. Each test uses its own parcels, so the order of
 * the tests on the shared host does not matter.
 */
async function parcelsArrive(host: RunningHost, count = 6): Promise<Customer[]> {
  const parcels = await parcelsDelivered(host, NETWORK, count);
  for (const parcel of parcels) expect(parcel.state).toBe('received');
  return [...parcelsByPickupCode(NETWORK, parcels).entries()]
    .map(([code, parcels]) => ({ code, barcode: `PU:${NETWORK}:${code}`, parcels }))
    .sort((a, b) => b.parcels.length - a.parcels.length);
}

/** A customer with two parcels and a parcel of somebody else, all just delivered. */
async function twoParcelCustomer(host: RunningHost): Promise<{ customer: Customer; other: ParcelView }> {
  const customers = await parcelsArrive(host);
  const customer = customers[0]!;
  expect(customer.parcels, 'six consecutive demo parcels hold a customer with two').toHaveLength(2);
  return { customer, other: customers[1]!.parcels[0]! };
}

function lastEvent(hostCore: HostCore, parcel: ParcelView) {
  return hostCore.core.counter.ledger.history(parcel.id).at(-1);
}

async function typeOnKeypad(page: Page, code: string, language: Language = 'en'): Promise<void> {
  const keypad = page.getByRole('group', { name: text(language).keypad.label });
  // The sixth digit submits: no OK to press.
  for (const digit of code) await keypad.getByRole('button', { name: digit, exact: true }).click();
}

const row = (page: Page, parcel: ParcelView) =>
  page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: grouped(parcel.trackingId) });

test.describe('customer pickup', () => {
  test('typed code on the keypad: scan the labels, another customer’s label is refused, Not found, Done hands the rest over', async ({
    page,
    host,
    hostCore,
  }) => {
    const en = text('en');
    const { customer, other } = await twoParcelCustomer(host);
    const [first, second] = customer.parcels as [ParcelView, ParcelView];

    await page.goto('/#/pickup');
    await expect(page.getByRole('heading', { level: 1, name: en.pickup.title })).toBeVisible();
    await expect(page.getByText(en.pickup.scanPrompt)).toBeVisible();
    await page.getByRole('button', { name: en.pickup.enterCode }).click();

    // A typo, erased on the keypad: the display shows what is typed.
    const keypad = page.getByRole('group', { name: en.keypad.label });
    const ok = keypad.getByRole('button', { name: en.keypad.ok, exact: true });
    await keypad.getByRole('button', { name: '9', exact: true }).click();
    await expect(page.getByTestId('keypad-display')).toHaveText('9');
    await expect(ok).toBeDisabled();
    await keypad.getByRole('button', { name: en.keypad.erase }).click();
    await expect(page.getByTestId('keypad-display')).toHaveText('');
    await typeOnKeypad(page, customer.code);

    // Step 2: the customer's parcels with size, shelf slot and tracking ID.
    await expect(page.getByText(en.pickup.scanParcels, { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/#\/pickup\?pickup=\d+/);
    const list = page.getByRole('list', { name: en.pickup.listLabel });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    for (const parcel of customer.parcels) {
      await expect(row(page, parcel)).toContainText(en.sizes[parcel.size]);
      await expect(row(page, parcel)).toContainText(parcel.slotId!);
      await expect(row(page, parcel)).toContainText(parcel.recipientName);
      await expect(row(page, parcel)).toContainText(en.pickup.toScan);
    }
    await expect(page.getByTestId('pickup-counts')).toHaveText(fill(en.pickup.counts, { scanned: 0, total: 2 }));
    await expect(page.getByRole('button', { name: en.common.done, exact: true })).toBeDisabled();

    // The right label: ticked, with a success tone.
    await host.scan(first.trackingId);
    await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'success');
    await expect(scanFeedback(page)).toHaveText(fill(en.pickup.feedback.scanned, { tracking: grouped(first.trackingId) }));
    await expect(row(page, first)).toHaveClass(/parcel-row--done/);
    await expect(row(page, first)).toContainText(en.pickup.scanned);
    await expect(page.getByTestId('pickup-counts')).toHaveText(fill(en.pickup.counts, { scanned: 1, total: 2 }));

    // Somebody else's parcel: refused, and says why.
    await host.scan(other.trackingId);
    await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'error');
    await expect(scanFeedback(page)).toHaveText(fill(en.rejections['other-customer'], { tracking: grouped(other.trackingId) }));
    await expect(list.getByRole('listitem')).toHaveCount(2);

    // The same label again: a warning, nothing changes.
    await host.scan(first.trackingId);
    await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'warning');
    await expect(scanFeedback(page)).toHaveText(fill(en.pickup.feedback.alreadyScanned, { tracking: grouped(first.trackingId) }));
    await expect(page.getByTestId('pickup-counts')).toHaveText(fill(en.pickup.counts, { scanned: 1, total: 2 }));

    // Done with a parcel neither scanned nor resolved: asks first; Back keeps the pickup open.
    await page.getByRole('button', { name: en.common.done, exact: true }).click();
    const confirmDone = page.getByRole('dialog');
    await expect(confirmDone).toContainText(plural(en.pickup.confirmIncomplete, 1));
    await confirmDone.getByRole('button', { name: en.common.back }).click();
    await expect(confirmDone).toBeHidden();

    // Tap the second parcel's size: Not found, confirmed.
    await row(page, second)
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(en.sizes[second.size])}`) })
      .click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByRole('button', { name: en.pickup.panel.cannotScan })).toBeVisible();
    await expect(panel.getByRole('button', { name: en.pickup.panel.refused })).toBeVisible();
    await panel.getByRole('button', { name: en.pickup.panel.notFound }).click();
    await expect(panel).toContainText(fill(en.pickup.panel.confirmNotFound, { tracking: grouped(second.trackingId) }));
    await panel.getByRole('button', { name: en.common.confirm }).click();
    await expect(panel).toBeHidden();
    await expect(scanFeedback(page)).toHaveText(fill(en.pickup.feedback.notFound, { tracking: grouped(second.trackingId) }));
    await expect(row(page, second)).toHaveClass(/parcel-row--problem/);
    await expect(row(page, second)).toContainText(en.states.missing);
    expect(await stateOf(host, second.trackingId)).toBe('missing');

    // Nothing left undecided: Done finishes at once and says what to hand over.
    expect(await stateOf(host, first.trackingId)).toBe('received');
    await page.getByRole('button', { name: en.common.done, exact: true }).click();
    await expect(page.getByTestId('pickup-summary')).toHaveText(plural(en.pickup.handOver, 1));
    await expect(page.getByRole('heading', { name: en.pickup.notHandedOver })).toBeVisible();
    expect(await stateOf(host, first.trackingId)).toBe('picked_up');
    expect(await stateOf(host, second.trackingId)).toBe('missing');
    expect(await stateOf(host, other.trackingId)).toBe('received');
    // The custody log: scanned out by the scanner, missing by a manual decision.
    expect(lastEvent(hostCore, first)).toMatchObject({ toState: 'picked_up', method: 'scanner', reason: 'collected' });
    expect(lastEvent(hostCore, second)).toMatchObject({ toState: 'missing', method: 'manual' });

    // Next customer: back to step 1.
    await page.getByRole('button', { name: en.pickup.nextCustomer }).click();
    await expect(page.getByText(en.pickup.scanPrompt)).toBeVisible();
    await expect(page).toHaveURL(/#\/pickup$/);
  });

  test('in Italian: the pickup barcode scanned on the home screen opens the pickup; Cannot scan offers the parcel after a few characters', async ({
    page,
    host,
    hostCore,
  }) => {
    const it = text('it');
    const { customer } = await twoParcelCustomer(host);
    const [first, second] = customer.parcels as [ParcelView, ParcelView];

    await page.goto('/');
    await chooseLanguage(page, 'it');
    await expect(page.getByRole('main').getByRole('link').first()).toBeVisible();

    await host.scan(customer.barcode);
    await expect(page).toHaveURL(/#\/pickup\?pickup=\d+/);
    await expect(page.getByRole('heading', { level: 1, name: it.pickup.title })).toBeVisible();
    await expect(page.getByText(it.pickup.scanParcels, { exact: true })).toBeVisible();
    await expect(row(page, first)).toContainText(it.sizes[first.size]);
    await expect(row(page, second)).toContainText(it.sizes[second.size]);
    await expect(row(page, first)).toContainText(it.pickup.toScan);

    // "Impossibile scansionare": type the start of the tracking ID, take the suggestion.
    await row(page, first)
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(it.sizes[first.size])}`) })
      .click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByRole('button', { name: it.pickup.panel.notFound })).toBeVisible();
    await expect(panel.getByRole('button', { name: it.pickup.panel.refused })).toBeVisible();
    await panel.getByRole('button', { name: it.pickup.panel.cannotScan }).click();
    await panel.getByLabel(it.manual.label).fill(first.trackingId.slice(0, 5).toLowerCase());
    const suggestions = panel.getByRole('list', { name: it.manual.suggestions });
    await expect(suggestions.getByRole('button')).toHaveText([first.trackingId]);
    await suggestions.getByRole('button', { name: first.trackingId }).click();
    await expect(panel).toBeHidden();
    await expect(scanFeedback(page)).toHaveText(fill(it.pickup.feedback.scanned, { tracking: grouped(first.trackingId) }));
    await expect(row(page, first)).toContainText(it.pickup.scanned);

    // The manual path again, typed in full and confirmed with the button.
    await row(page, second)
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(it.sizes[second.size])}`) })
      .click();
    await panel.getByRole('button', { name: it.pickup.panel.cannotScan }).click();
    await panel.getByLabel(it.manual.label).fill(grouped(second.trackingId));
    await panel.getByRole('button', { name: it.pickup.panel.manualSubmit }).click();
    await expect(panel).toBeHidden();
    await expect(page.getByTestId('pickup-counts')).toHaveText(fill(it.pickup.counts, { scanned: 2, total: 2 }));

    await page.getByRole('button', { name: it.common.done, exact: true }).click();
    await expect(page.getByTestId('pickup-summary')).toHaveText(plural(it.pickup.handOver, 2));
    for (const parcel of customer.parcels) {
      expect(await stateOf(host, parcel.trackingId)).toBe('picked_up');
      expect(lastEvent(hostCore, parcel)).toMatchObject({ toState: 'picked_up', method: 'keyboard' });
    }

    await page.getByRole('button', { name: it.pickup.nextCustomer }).click();
    await expect(page.getByText(it.pickup.scanPrompt)).toBeVisible();
  });

  test('in French: the code typed on the keyboard, a parcel refused after its scan is not handed over', async ({ page, host }) => {
    const fr = text('fr');
    const { customer } = await twoParcelCustomer(host);
    const [first, second] = customer.parcels as [ParcelView, ParcelView];

    await page.goto('/#/pickup');
    await chooseLanguage(page, 'fr');
    await expect(page.getByText(fr.pickup.scanPrompt)).toBeVisible();
    await expect(page.getByRole('button', { name: fr.pickup.enterCode })).toBeVisible();

    // Typing digits on the physical keyboard opens the keypad; the sixth submits.
    // A person's pace: the browser host also hands key-downs to main's wedge detector, and this is typing, not a scan.
    await page.keyboard.type(customer.code, { delay: 80 });
    await expect(page.getByText(fr.pickup.scanParcels, { exact: true })).toBeVisible();
    await expect(row(page, first)).toContainText(fr.sizes[first.size]);
    await expect(row(page, first)).toContainText(fr.pickup.toScan);

    await host.scan(first.trackingId);
    await expect(scanFeedback(page)).toHaveText(fill(fr.pickup.feedback.scanned, { tracking: grouped(first.trackingId) }));
    await host.scan(second.trackingId);
    await expect(page.getByTestId('pickup-counts')).toHaveText(fill(fr.pickup.counts, { scanned: 2, total: 2 }));

    // The customer refuses the second one once it is on the counter: "Refusé", confirmed.
    await row(page, second)
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(fr.sizes[second.size])}`) })
      .click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByRole('button', { name: fr.pickup.panel.cannotScan })).toHaveCount(0);
    await panel.getByRole('button', { name: fr.pickup.panel.refused }).click();
    await expect(panel).toContainText(fill(fr.pickup.panel.confirmRefused, { tracking: grouped(second.trackingId) }));
    await panel.getByRole('button', { name: fr.common.confirm }).click();
    await expect(panel).toBeHidden();
    await expect(scanFeedback(page)).toHaveText(fill(fr.pickup.feedback.refused, { tracking: grouped(second.trackingId) }));
    await expect(row(page, second)).toContainText(fr.states.refused);
    await expect(page.getByTestId('pickup-counts')).toHaveText(fill(fr.pickup.counts, { scanned: 1, total: 2 }));

    await page.getByRole('button', { name: fr.common.done, exact: true }).click();
    await expect(page.getByTestId('pickup-summary')).toHaveText(plural(fr.pickup.handOver, 1));
    expect(await stateOf(host, first.trackingId)).toBe('picked_up');
    expect(await stateOf(host, second.trackingId)).toBe('refused');
    // The refused parcel now waits for the driver.
    const waiting = await host.call<ParcelView[]>('returns.list', { networkId: NETWORK });
    expect(waiting.map((p) => p.trackingId)).toContain(second.trackingId);
  });

  test('spent wrong-code budget: typing is locked with the date and time, the pickup barcode still opens the pickup, a manager lifts the lock', async ({
    page,
    launchHost,
  }) => {
    // Wrong codes count for a whole retention period on a host: a fresh one, so no other test is locked out.
    const fresh = await launchHost();
    const en = text('en');
    const customers = await parcelsArrive(fresh, 3);
    const arrived = await fresh.call<{ code: string; barcode: string; trackingIds: string[] }>('training.customerArrives', {
      networkId: NETWORK,
    });
    const codes = new Set(customers.map((c) => c.code));
    expect(codes).toContain(arrived.code);
    // Shelves for 2 000 more parcels: that many live codes leave a budget of 4 wrong codes for typing.
    const slots = await fresh.call<{ id: string; size: 'small' | 'medium' | 'large'; capacity: number }[]>('slots.list');
    const more = [1, 2, 3, 4].map((n) => ({ id: `Z${n}`, size: 'large' as const, capacity: 500 }));
    await fresh.call('slots.configure', { slots: [...slots.map(({ id, size, capacity }) => ({ id, size, capacity })), ...more] });
    const wrong = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((c) => !codes.has(c)).slice(0, 4);

    await page.goto(`${fresh.url}#/pickup`);
    await page.getByRole('button', { name: en.pickup.enterCode }).click();
    const keypad = page.getByRole('group', { name: en.keypad.label });
    const lock = page.getByTestId('pickup-lock');
    const lockText = new RegExp(escapeRegExp(en.pickup.locked).replace('\\{time\\}', '.+'));

    for (const [i, code] of wrong.entries()) {
      await typeOnKeypad(page, code);
      await expect(scanFeedback(page)).toHaveAttribute('data-tone', 'error');
      await expect(scanFeedback(page)).toContainText(en.pickup.wrongCode);
      if (i < 3) {
        await expect(lock).toBeHidden();
        await expect(page.getByTestId('keypad-display')).toHaveText('');
      }
    }
    // The fourth spends the budget: locked, with the day and time; the keypad refuses digits.
    await expect(lock).toContainText(lockText);
    await expect(scanFeedback(page)).toContainText(lockText);
    await expect(keypad.getByRole('button', { name: '1', exact: true })).toBeDisabled();
    await page.keyboard.type('123');
    await expect(page.getByTestId('keypad-display')).toHaveText('');

    // Main refuses even the right code typed, and claiming it was scanned does not help.
    for (const method of ['keyboard', 'scanner'] as const) {
      const during = await fresh.call<{ outcome: string }>('pickup.start', { code: arrived.code, method, networkId: NETWORK });
      expect(during.outcome).toBe('throttled');
    }

    // The customer's pickup barcode, read by a scanner, still opens the pickup.
    await fresh.scan(arrived.barcode);
    await expect(page.getByText(en.pickup.scanParcels, { exact: true })).toBeVisible();
    for (const trackingId of arrived.trackingIds) await expect(page.getByRole('main')).toContainText(grouped(trackingId));

    // A manager lifts the lock: typing works again.
    await fresh.call('pickups.liftCodeLock');
    await page.goto(`${fresh.url}#/`);
    await page.goto(`${fresh.url}#/pickup`);
    await page.getByRole('button', { name: en.pickup.enterCode }).click();
    await expect(lock).toBeHidden();
    await typeOnKeypad(page, arrived.code);
    await expect(page.getByText(en.pickup.scanParcels, { exact: true })).toBeVisible();
  });
});
