import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../main/core/clock';
import { openCounterCore } from '../../main/core/counter-core';
import { seededRandom } from '../../main/core/seeded-random';
import { startHost } from '../e2e/host';
import { ms, percentile } from './stats';

const TECHNICIANS = 20;
const LINES = 300;
const RUNS = 5;

/** 20 technicians (half of them without the gas skill) and 300 waiting lines, written straight into the data folder. */
export function seedBoard(dataDir: string): string {
  const core = openCounterCore(dataDir, systemClock);
  try {
    const s = core.service;
    const random = seededRandom(7);
    const day = [{ opens: '08:00', closes: '17:00' }];
    for (const code of ['gas', 'boiler', 'electric']) s.catalog.save('skill', { code, name: code });
    for (const code of ['NORD', 'SUD']) s.catalog.save('zone', { code, name: code });
    s.items.saveGroup({ code: 'HEAT', name: 'Heating', skills: ['gas', 'boiler'], responseHours: 8, troubleshooting: [] });
    s.items.saveGroup({ code: 'ELEC', name: 'Electrical', skills: ['electric'], responseHours: 24, troubleshooting: [] });
    for (let i = 0; i < TECHNICIANS; i++) {
      s.technicians.save({
        name: `Technician ${String(i + 1).padStart(2, '0')}`,
        skills: i % 2 === 0 ? ['gas', 'boiler', 'electric'] : ['boiler', 'electric'],
        latitude: 45.4 + random() * 0.2,
        longitude: 9.1 + random() * 0.2,
        week: [day, day, day, day, day, day, day],
        zones: [{ zone: i % 3 === 0 ? 'NORD' : 'SUD', startingDate: '2020-01-01' }],
        groups: [],
      });
    }
    core.db.transaction(() => {
      for (let i = 0; i < LINES; i++) {
        const customer = s.customers.save({
          name: `Customer ${i + 1}`,
          address: `Via ${i + 1}`,
          latitude: 45.4 + random() * 0.2,
          longitude: 9.1 + random() * 0.2,
          phone: '',
          phoneCountry: 'IT',
          email: '',
          zone: i % 2 ? 'NORD' : 'SUD',
        });
        s.orders.create(
          {
            customerId: customer.id,
            fault: 'Fault',
            priority: 'medium',
            windows: [],
            lines: [
              {
                newItem: {
                  description: `Item ${i + 1}`,
                  model: '',
                  serial: '',
                  warrantyEnds: null,
                  groupCode: i % 2 ? 'HEAT' : 'ELEC',
                  skills: null,
                  troubleshooting: null,
                  address: null,
                  latitude: null,
                  longitude: null,
                },
                fault: 'Fault',
                estimatedHours: 1,
              },
            ],
          },
          'counter',
        );
      }
    })();
    const build: number[] = [];
    const today = s.today();
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      s.board(today);
      build.push(performance.now() - t0);
    }
    return `${ms(percentile(build, 50))} (${JSON.stringify(s.board(today)).length.toLocaleString('en')} bytes)`;
  } finally {
    core.close();
  }
}

/**
 * The dispatch board with 20 technicians × 7 days and 300 waiting lines in
 * Chromium: time to show a week (the call, main building the board, Vue
 * rendering it), the time from picking up a line until every cell shows its
 * verdict, and the time from a drop until the cell shows the allocation.
 */
export async function benchDispatchBoard(): Promise<{ rows: [string, string][] }> {
  const dir = mkdtempSync(join(tmpdir(), 'opencounter-bench-'));
  const buildInMain = seedBoard(join(dir, 'data'));
  const host = await startHost({ dataDir: join(dir, 'data'), testHooks: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${host.url}#/service/board`);
    await page.locator('[data-testid^="line-"]').first().waitFor();
    const { today } = await host.call<{ today: string }>('service.home');

    const weekSwitch: number[] = [];
    for (let i = 0; i < RUNS * 2; i++) {
      weekSwitch.push(
        await page.evaluate(async (label) => {
          const week = document.querySelector('[data-testid="week"]')!;
          const before = week.textContent;
          // The week's own buttons beside its label (the top bar has an `.actions` row too).
          const buttons = [...week.parentElement!.querySelectorAll('button')];
          const t0 = performance.now();
          buttons[label % 2 === 0 ? 1 : 0]!.click();
          while (week.textContent === before) await new Promise((r) => requestAnimationFrame(r));
          await new Promise((r) => requestAnimationFrame(r));
          return performance.now() - t0;
        }, i),
      );
    }

    // In the page, from the press (the event's own time stamp) until the frame holding `count` matches of `selector`, visible to the eye
    // (the verdicts are in the DOM ahead, hidden), has been painted.
    // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
    const armPressTimer = (selector: string, count: number) =>
      page.evaluate(`window.pressed = new Promise((resolve) => {
        document.addEventListener('pointerdown', (event) => {
          const check = () => {
            const seen = [...document.querySelectorAll(${JSON.stringify(selector)})].filter(
              (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
            );
            if (seen.length < ${count}) return requestAnimationFrame(check);
            // A message posted during the frame's callbacks arrives after that frame is painted.
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - event.timeStamp);
            channel.port2.postMessage(0);
          };
          requestAnimationFrame(check);
        }, { once: true, capture: true });
      }); undefined`);
    const pressTime = () => page.evaluate(() => (window as unknown as { pressed: Promise<number> }).pressed);

    // Baseline: a press on the page's title, which changes nothing: one frame of this page on this machine.
    const emptyPresses: number[] = [];
    const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    for (let i = 0; i < RUNS; i++) {
      await armPressTimer('h1', 1);
      await page.mouse.move(title.x + 5, title.y + 5);
      await page.mouse.down();
      emptyPresses.push(await pressTime());
      await page.mouse.up();
    }

    const verdicts: number[] = [];
    const pressToVerdict: number[] = [];
    const drops: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const line = page.locator('[data-testid^="line-"]').first();
      const source = (await line.boundingBox())!;
      const cell = page.getByTestId(`cell-1-${today}`);
      const meter = cell.getByRole('meter');
      const before = await meter.getAttribute('aria-valuenow');
      await page.mouse.move(source.x + 20, source.y + 12);
      await armPressTimer('[data-testid="verdict"]', 140);
      await page.mouse.down();
      const t0 = await page.evaluate(() => performance.now());
      await page.mouse.move(source.x + 40, source.y + 30, { steps: 3 });
      const shown = await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="verdict"]')].filter((e) =>
            e.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
          ).length >= 140 && performance.now(),
        undefined,
        { polling: 'raf' },
      );
      verdicts.push(Number(await shown.jsonValue()) - t0);
      pressToVerdict.push(await pressTime());
      const drop = cell.locator('.board-cell__drop');
      await drop.scrollIntoViewIfNeeded();
      const box = (await drop.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
      const t1 = await page.evaluate(() => performance.now());
      await page.mouse.up();
      const done = await page.waitForFunction(
        ([b]) =>
          document.querySelector('[data-testid="cell-1-' + b[1] + '"] [role="meter"]')?.getAttribute('aria-valuenow') !== b[0] &&
          performance.now(),
        [[before, today]] as const,
        { polling: 'raf' },
      );
      drops.push(Number(await done.jsonValue()) - t1);
    }
    // What each drop cost on top before it patched the changed rows: reading the whole week again over the WebSocket.
    const reread: number[] = [];
    const weekStart = await page.evaluate(() =>
      document.querySelector('[data-testid^="cell-1-"]')!.getAttribute('data-testid')!.slice('cell-1-'.length),
    );
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await host.call('service.board', { weekStart });
      reread.push(performance.now() - t0);
    }
    return {
      rows: [
        ['board of 20 technicians × 7 days, 300 waiting lines: built in main p50 (baseline)', buildInMain],
        ['showing a week (call + build + render) p50 / worst', `${ms(percentile(weekSwitch, 50))} / ${ms(Math.max(...weekSwitch))}`],
        [
          'press on the page title until the next frame is painted p50 (baseline: one frame of this page)',
          ms(percentile(emptyPresses, 50)),
        ],
        [
          'press on a line until the frame with all 140 verdicts is painted p50 / worst (aim: one frame)',
          `${ms(percentile(pressToVerdict, 50))} / ${ms(Math.max(...pressToVerdict))} (${(percentile(pressToVerdict, 50) / percentile(emptyPresses, 50)).toFixed(1)} × baseline)`,
        ],
        [
          'press, then 3 pointer moves from Playwright, until all 140 cells show their verdict p50 / worst',
          `${ms(percentile(verdicts, 50))} / ${ms(Math.max(...verdicts))}`,
        ],
        [
          'drop until the cell shows the allocation (allocate, answer with the changed rows, patch, render) p50 / worst',
          `${ms(percentile(drops, 50))} / ${ms(Math.max(...drops))}`,
        ],
        ['reading the whole week again from the host (what a drop added before it patched) p50', ms(percentile(reread, 50))],
      ],
    };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
