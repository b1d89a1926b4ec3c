import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { repoRoot, type RunningHost } from '../host';
import { callSaver, heatingDesk, seedDesk } from '../../fixtures/service-seed';
import { msg, type Language } from '../locales';

/**
 * Walks every screen, and the states the suite reaches on them, in Italian
 * and French (the service desk in English too): no English from the app's
 * own strings, no raw message key, and "?" gives each screen its own tips.
 * axe looks for critical or serious accessibility faults on every screen in
 * one language (Italian for the counter, English for the service desk): the
 * same controls with other words, and the slowest part of the walk.
 */
// Five long walks, each with its own host: spread over the workers instead of one after the other at the suite's end.
test.describe.configure({ mode: 'parallel' });
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Tree = string | Tree[] | { [key: string]: Tree };
const load = (language: Language) => JSON.parse(readFileSync(join(repoRoot, 'locales', `${language}.json`), 'utf8')) as Tree;
const leaves = (tree: Tree, path: string[] = []): [string, string][] =>
  typeof tree === 'string' ? [[path.join('.'), tree]] : Object.entries(tree).flatMap(([key, value]) => leaves(value, [...path, key]));

const english = leaves(load('en'));
const translated = [...leaves(load('it')), ...leaves(load('fr'))].map(([, text]) => text.toLowerCase());
/** Phrases of the app's English strings (between placeholders) that no Italian or French string contains. */
const ENGLISH_PHRASES = [
  ...new Set(
    english
      .flatMap(([, text]) => text.split(/\{[^}]*\}|\|/))
      .map((part) => part.trim().replace(/[.:,;!?]+$/, ''))
      .filter((part) => part.length >= 10 && part.includes(' ') && !translated.some((t) => t.includes(part.toLowerCase()))),
  ),
  // What main used to send in English.
  'is listed twice',
  'Too small',
  'Too big',
  'Invalid email',
  '✖',
];
/** Every message key: one shown raw means a missing translation or a typo in a key. */
const KEYS = new Set(english.flatMap(([key]) => [key, key.replace(/\.\d+(\.\w+)?$/, '')]));

/** What a person reads or hears: the text, and the names and hints in attributes. */
async function wordsOn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((el) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.body.innerText, ...attributes].join('\n');
  });
}

async function checkScreen(page: Page, what: string, language: Language, axe: boolean): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // Data arrives over the WebSocket: let the screen settle before reading it.
  await page.waitForTimeout(400);
  const words = await wordsOn(page);
  const englishFound = language === 'en' ? [] : ENGLISH_PHRASES.filter((phrase) => words.includes(phrase));
  expect(englishFound, `English on ${what}`).toEqual([]);
  const rawKeys = (words.match(/\b[a-zA-Z]+(?:\.[a-zA-Z0-9_-]+)+\b/g) ?? []).filter((token) => KEYS.has(token));
  expect(rawKeys, `raw message keys on ${what}`).toEqual([]);
  if (axe) await test.step(`axe on ${what}`, () => expectNoSeriousAxeViolations(page));
}

/** "?" from this screen opens the help with this screen's own tips. */
async function checkHelp(page: Page, language: Language, screen: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: msg(language, 'nav.helpLabel'), exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: msg(language, `help.screens.${screen}`), exact: true })).toBeVisible();
}

interface Scene {
  deliveryId: number;
  noticeId: number;
  caseId: number;
}

/** A delivered parcel past its keeping time (an expiry notice), a delivery waiting for its scan, a support case. */
async function setScene(host: RunningHost, language: Language): Promise<Scene> {
  await host.call('settings.setLanguage', { language });
  const first = await host.call<{ id: number; parcels: { trackingId: string }[] }>('training.driverArrives', {
    networkId: 'demo-fr',
    count: 2,
  });
  for (const parcel of first.parcels)
    await host.call('delivery.scan', { deliveryId: first.id, trackingId: parcel.trackingId, method: 'scanner' });
  await host.call('delivery.complete', { deliveryId: first.id });
  await host.advanceClock(14 * DAY + MINUTE);
  let noticeId: number | undefined;
  await expect
    .poll(async () => {
      noticeId = (await host.call<{ expiredNotices: { id: number }[] }>('counter.status')).expiredNotices[0]?.id;
      return noticeId;
    })
    .toBeDefined();
  // The French demo policy: the store scans, within 30 minutes.
  const delivery = await host.call<{ id: number }>('training.driverArrives', { networkId: 'demo-fr', count: 2 });
  const opened = await host.call<{ id: number }>('support.open', {
    networkId: 'demo-it',
    subject: 'Scanner',
    email: 'anna@example.com',
    product: 'scanner',
    requestType: 'technical',
    impact: 'degraded',
    description: 'Bip.',
  });
  return { deliveryId: delivery.id, noticeId: noticeId!, caseId: opened.id };
}

for (const language of ['it', 'fr'] as const) {
  test(`every screen in ${language}: the app's words, no raw key, its own help${language === 'it' ? ', no serious accessibility fault' : ''}`, async ({
    page,
    launchHost,
  }) => {
    test.setTimeout(480_000);
    const host = await launchHost();
    const scene = await setScene(host, language);
    const screens: [name: string, path: string][] = [
      ['home', ''],
      ['driver', '#/driver'],
      ['delivery', `#/delivery/${scene.deliveryId}`],
      ['pickup', '#/pickup'],
      ['expired', `#/expired/${scene.noticeId}`],
      ['returns', '#/returns'],
      ['training', '#/training'],
      ['help', '#/help'],
      ['settings', '#/settings'],
      ['support', '#/support'],
      ['support-new', '#/support/new'],
      ['support-case', `#/support/case/${scene.caseId}`],
      ['inventory', '#/inventory'],
      ['hours', '#/hours'],
    ];
    for (const [name, path] of screens) {
      await test.step(name, async () => {
        await page.goto(`${host.url}${path}`);
        await checkScreen(page, `${name} in ${language}`, language, language === 'it');
        await checkHelp(page, language, name);
      });
    }

    await test.step('a form sent empty: every refused field marked next to it, in the language', async () => {
      await page.goto(`${host.url}#/support/new`);
      await page.getByRole('button', { name: msg(language, 'support.form.send') }).click();
      await expect(page.getByTestId('field-error').first()).toBeVisible();
      await expect(page.getByTestId('field-error').first()).toHaveText(msg(language, 'errors.reasons.required'));
      await checkScreen(page, `the refused ticket form in ${language}`, language, language === 'it');
    });

    await test.step('the training form refuses too many parcels next to the field', async () => {
      await page.goto(`${host.url}#/training`);
      const count = page.getByRole('spinbutton', { name: msg(language, 'training.driver.count') });
      await count.fill('51');
      const [network] = await host.call<{ name: string }[]>('networks.list');
      await page.getByRole('button', { name: msg(language, 'training.driver.arrives', { network: network!.name }) }).click();
      await expect(count).toHaveAttribute('aria-invalid', 'true');
      await expect(count).toHaveAccessibleDescription(msg(language, 'errors.reasons.tooBig', { max: 50 }));
      await checkScreen(page, `the refused training form in ${language}`, language, language === 'it');
    });

    await test.step('blocked: the intake window has passed', async () => {
      await host.advanceClock(31 * MINUTE);
      await page.goto(`${host.url}#/inventory`);
      await expect(page.getByRole('heading', { level: 1, name: msg(language, 'blocked.title') })).toBeVisible();
      await checkScreen(page, `the blocked screen in ${language}`, language, language === 'it');
    });
  });
}

/** The service desk with real content: skills, zones, a team, an item group, a technician, a customer's order with a line allocated today. */
async function setServiceScene(host: RunningHost, language: Language): Promise<{ orderId: number; technicianId: number; today: string }> {
  await host.call('settings.setLanguage', { language });
  const seeded = await seedDesk(
    callSaver(host.call),
    heatingDesk({
      bruno: undefined,
      team: { code: 'TEAM1', name: 'Squadra 1' },
      groupName: 'Caldaie',
      steps: ['Pressione'],
      zoneNames: { NORD: 'Nord' },
      boiler: { description: 'Caldaia murale' },
    }),
  );
  const technicianId = seeded.technicians['Anna Bianchi']!;
  const order = await host.call<{ order: { id: number; responseAt: number | null }; lines: { id: number }[] }>('service.orders.create', {
    customerId: seeded.customers['Maria Rossi']!,
    fault: 'Niente acqua calda',
    priority: 'high',
    windows: [],
    lines: [{ itemId: seeded.items['SN-4711']!, fault: 'Niente acqua calda', estimatedHours: 2 }],
  });
  // The service home lists the orders due today and those overdue. Taken after the service day's end (the suite may run
  // at any hour), this order is due on the next working day; past its response time it is overdue, and listed.
  const now = await host.now();
  if (order.order.responseAt !== null && order.order.responseAt >= now) await host.advanceClock(order.order.responseAt - now + MINUTE);
  const { today } = await host.call<{ today: string }>('service.home');
  await host.call('service.allocate', { lineId: order.lines[0]!.id, technicianId, date: today, hours: 2 });
  return { orderId: order.order.id, technicianId, today };
}

for (const language of ['it', 'fr', 'en'] as const) {
  test(`every service desk screen in ${language}: the app's words, no raw key${language === 'en' ? ', no serious accessibility fault' : ''}`, async ({
    page,
    launchHost,
  }) => {
    test.setTimeout(240_000);
    const host = await launchHost();
    const scene = await setServiceScene(host, language);
    const screens: [name: string, path: string, shows: string][] = [
      ['service home', '#/service', 'Maria Rossi'],
      ['intake', '#/service/intake', ''],
      ['order list', '#/service/orders', 'Maria Rossi'],
      ['order detail', `#/service/orders/${scene.orderId}`, 'Caldaia murale'],
      ['dispatch board', '#/service/board', 'Anna Bianchi'],
      ["technician's day", `#/service/day/${scene.technicianId}/${scene.today}`, 'Maria Rossi'],
      ['technicians', '#/service/setup/technicians', 'Anna Bianchi'],
      ['item groups', '#/service/setup/item-groups', 'Caldaie'],
      ['calendar', '#/service/setup/calendar', ''],
      ['skills', '#/service/setup/skills', 'boiler'],
      ['zones', '#/service/setup/zones', 'Nord'],
      ['teams', '#/service/setup/teams', 'Squadra 1'],
      ['route settings', '#/service/setup/route', ''],
    ];
    for (const [name, path, shows] of screens) {
      await test.step(name, async () => {
        await page.goto(`${host.url}${path}`);
        if (shows) await expect(page.getByText(shows).first()).toBeVisible();
        await checkScreen(page, `${name} in ${language}`, language, language === 'en');
      });
    }
  });
}
