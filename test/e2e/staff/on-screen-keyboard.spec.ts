import type { Locator, Page } from '@playwright/test';
import type { ParcelView } from '../../../main/api/parcels/schemas';
import { expectNoSeriousAxeViolations } from '../axe';
import { parcelsByPickupCode, parcelsDelivered, scanFeedback } from '../counter-steps';
import { expect, test } from '../fixtures';
import { grouped, msg } from '../locales';
import { expectNamedTouchTargets } from '../touch';

test.use({ hasTouch: true });
test.describe.configure({ timeout: 90_000 });

const keyboardOf = (page: Page, language: 'fr' | 'en') => page.getByRole('group', { name: msg(language, 'kiosk.keyboard.label') });
const key = (keyboard: Locator, name: string) => keyboard.getByRole('button', { name, exact: true });

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('in kiosk mode, in French: a tapped text field gets the keyboard, keys type accented capitals into it, and its Enter sends the form', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost({ kiosk: true });
  await host.call('settings.setLanguage', { language: 'fr' });
  const fr = (path: string) => msg('fr', path);
  await page.goto(`${host.url}#/support/new`);
  await expect(page.getByRole('heading', { level: 1, name: fr('support.form.title') })).toBeVisible();
  const keyboard = keyboardOf(page, 'fr');
  // The numeric fields keep their keypad; a select gets nothing.
  await page.getByRole('combobox', { name: fr('support.form.network') }).selectOption({ index: 1 });
  await expect(keyboard).toHaveCount(0);

  await page.getByRole('combobox', { name: fr('support.form.product') }).selectOption({ index: 1 });
  await page.getByRole('combobox', { name: fr('support.form.requestType') }).selectOption({ index: 1 });
  await page.getByRole('combobox', { name: fr('support.form.impact') }).selectOption({ index: 1 });
  await page.getByRole('textbox', { name: fr('support.form.name'), exact: true }).fill('Chloé Martin');
  await page.getByRole('textbox', { name: fr('support.form.email'), exact: true }).fill('chloe@example.com');
  await page.getByRole('textbox', { name: fr('support.form.description') }).fill('Le scanner ne lit plus les étiquettes.');

  const subject = page.getByRole('textbox', { name: fr('support.form.subject') });
  await subject.tap();
  await expect(keyboard).toBeVisible();
  await key(keyboard, fr('kiosk.keyboard.shift')).tap();
  for (const letter of ['É', 't', 'i', 'q', 'u', 'e', 't', 't', 'e']) await key(keyboard, letter).tap();
  await key(keyboard, fr('kiosk.keyboard.space')).tap();
  for (const letter of ['à', 'x']) await key(keyboard, letter).tap();
  await key(keyboard, fr('kiosk.keyboard.backspace')).tap();
  for (const letter of ['ç', 'a']) await key(keyboard, letter).tap();
  await expect(subject).toHaveValue('Étiquette àça');
  await expect(subject).toBeFocused();
  // It never covers the field being typed into.
  expect(overlaps((await subject.boundingBox())!, (await keyboard.boundingBox())!)).toBe(false);
  await expect(key(keyboard, 'é')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await expectNamedTouchTargets(page);

  await key(keyboard, fr('kiosk.keyboard.enter')).tap();
  await expect(page.getByTestId('case-number')).toHaveText('CS-000001');
  expect(await host.call('support.get', { caseId: 1 })).toMatchObject({ case: { subject: 'Étiquette àça' } });
});

test('without kiosk mode the keyboard stays away until a manager says the screen is a touch screen; Close puts it away', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost();
  await page.goto(`${host.url}#/support/new`);
  const keyboard = keyboardOf(page, 'en');
  const subject = page.getByRole('textbox', { name: msg('en', 'support.form.subject') });
  await subject.tap();
  await subject.pressSequentially('abc');
  await expect(subject).toHaveValue('abc');
  await expect(keyboard).toHaveCount(0);
  await subject.clear();

  await page.goto(`${host.url}#/staff`);
  await page.getByRole('checkbox', { name: msg('en', 'kiosk.setting.touchLabel') }).check();
  await expect.poll(() => host.call('kiosk.state')).toMatchObject({ on: false, touchScreen: true, keyboard: true });
  await page.goto(`${host.url}#/support/new`);
  await subject.tap();
  await expect(keyboard).toBeVisible();
  await key(keyboard, 'q').tap();
  await expect(subject).toHaveValue('q');
  await key(keyboard, msg('en', 'kiosk.keyboard.close')).tap();
  await expect(keyboard).toHaveCount(0);
  await subject.tap();
  await expect(keyboard).toBeVisible();
});

test('in kiosk mode the keyboard reaches a text field inside a modal dialog: "Cannot scan" in the pickup panel is typed on it', async ({
  page,
  launchHost,
}) => {
  const host = await launchHost({ kiosk: true });
  const en = (path: string) => msg('en', path);
  const delivered = await parcelsDelivered(host, 'demo-it', 3);
  const [[code, parcels]] = [...parcelsByPickupCode('demo-it', delivered).entries()] as [[string, ParcelView[]]];
  const parcel = parcels[0]!;
  await page.goto(host.url);
  await expect(page.getByRole('main').getByRole('link').first()).toBeVisible();
  await host.scan(`PU:demo-it:${code}`);
  await expect(page.getByRole('heading', { level: 1, name: en('pickup.title') })).toBeVisible();

  await page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: grouped(parcel.trackingId) })
    .getByRole('button')
    .first()
    .tap();
  const panel = page.getByRole('dialog');
  await panel.getByRole('button', { name: en('pickup.panel.cannotScan') }).tap();
  const field = panel.getByRole('textbox', { name: en('manual.label') });
  await field.tap();
  const keyboard = keyboardOf(page, 'en');
  await expect(keyboard).toBeVisible();
  // The keyboard is in the dialog, above its backdrop, and its keys answer a tap.
  expect(await keyboard.evaluate((board) => board.closest('dialog[open]') !== null)).toBe(true);
  for (const character of parcel.trackingId) {
    if (/[A-Z]/.test(character)) await key(keyboard, en('kiosk.keyboard.shift')).tap();
    await key(keyboard, character).tap();
  }
  await expect(field).toHaveValue(parcel.trackingId);
  await expect(field).toBeFocused();
  expect(overlaps((await field.boundingBox())!, (await keyboard.boundingBox())!)).toBe(false);
  await key(keyboard, en('kiosk.keyboard.enter')).tap();
  await expect(panel).toBeHidden();
  await expect(keyboard).toHaveCount(0);
  await expect(scanFeedback(page)).toHaveText(msg('en', 'pickup.feedback.scanned', { tracking: grouped(parcel.trackingId) }));
});
