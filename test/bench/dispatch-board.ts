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
/** Presses and drops: each drop is one fsynced commit, whose time varies most on a shared disk. */
const DROPS = 9;

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
 * verdict, and from a drop until the cell shows the line as saving (before
 * main has answered) and until it shows the allocation main committed, with
 * the stages of the latter and Chromium's layout and script counters.
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

    // In the page, the stages of one drop, each from the release's own time stamp: the allocate frame handed to the
    // WebSocket; the first painted frame showing the line as saving in the cell (none when the first frame after the
    // drop already shows main's answer); main's answer arriving (main validates, commits with fsync, builds the answer);
    // its handlers done (the store patch and Vue's render run in that task); the frame showing the cell's new load, with
    // nothing saving, painted. A message posted during a frame's callbacks arrives after that frame is painted.
    const armDropTrace = (testId: string) =>
      page.evaluate(`window.dropTrace = new Promise((resolve) => {
        const marks = {};
        document.addEventListener('pointerup', (event) => { marks.up = event.timeStamp; }, { once: true, capture: true });
        const send = WebSocket.prototype.send;
        WebSocket.prototype.send = function (data) {
          if (typeof data === 'string' && data.includes('"service.board.allocate"')) {
            WebSocket.prototype.send = send;
            marks.sent = performance.now();
            const id = '{"id":' + JSON.parse(data).id + ',';
            const answer = (message) => {
              if (!String(message.data).startsWith(id)) return;
              this.removeEventListener('message', answer);
              marks.received = message.timeStamp;
              marks.bytesReceived = String(message.data).length;
              marks.handled = performance.now();
            };
            this.addEventListener('message', answer);
          }
          return send.call(this, data);
        };
        const cellSelector = ${JSON.stringify(`[data-testid="${testId}"]`)};
        const before = document.querySelector(cellSelector + ' [role="meter"]').getAttribute('aria-valuenow');
        const channel = new MessageChannel();
        channel.port1.onmessage = (message) => {
          if (message.data === 'saving') marks.savingPainted = performance.now();
          else resolve({ savingPainted: performance.now(), ...marks, painted: performance.now() });
        };
        const check = () => {
          const cell = document.querySelector(cellSelector);
          const saving = cell.querySelector('[data-testid="saving"]') !== null;
          if (saving && marks.saving === undefined) {
            marks.saving = performance.now();
            channel.port2.postMessage('saving');
          }
          if (saving || cell.querySelector('[role="meter"]').getAttribute('aria-valuenow') === before) return requestAnimationFrame(check);
          marks.patched = performance.now();
          channel.port2.postMessage('confirmed');
        };
        requestAnimationFrame(check);
      }); undefined`);
    // Chromium's own counters for the page (layouts, and the time in layout and in scripts), read over the DevTools protocol.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const rendererMetrics = async () =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])) as Record<string, number>;
    const dropTrace = () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              dropTrace: Promise<Record<'up' | 'sent' | 'savingPainted' | 'received' | 'handled' | 'painted' | 'bytesReceived', number>>;
            }
          ).dropTrace,
      );

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
    const traces: (Awaited<ReturnType<typeof dropTrace>> & Record<'layouts' | 'layoutMs' | 'scriptMs', number>)[] = [];
    for (let i = 0; i < DROPS; i++) {
      const line = page.locator('[data-testid^="line-"]').first();
      const source = (await line.boundingBox())!;
      const cell = page.getByTestId(`cell-1-${today}`);
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
      await armDropTrace(`cell-1-${today}`);
      const metricsBefore = await rendererMetrics();
      await page.mouse.up();
      const trace = await dropTrace();
      const metricsAfter = await rendererMetrics();
      traces.push({
        ...trace,
        layouts: metricsAfter.LayoutCount! - metricsBefore.LayoutCount!,
        layoutMs: (metricsAfter.LayoutDuration! - metricsBefore.LayoutDuration!) * 1000,
        scriptMs: (metricsAfter.ScriptDuration! - metricsBefore.ScriptDuration!) * 1000,
      });
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
    const p50 = (values: number[]) => percentile(values, 50);
    const frame = p50(emptyPresses);
    const saving = traces.map((t) => t.savingPainted - t.up);
    const confirmed = traces.map((t) => t.painted - t.up);
    const stage = (from: keyof (typeof traces)[number], to: keyof (typeof traces)[number]) => p50(traces.map((t) => t[to] - t[from]));
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
          'drop until the frame showing the line as saving in the cell is painted p50 / worst (aim: one frame)',
          `${ms(p50(saving))} / ${ms(Math.max(...saving))} (${(p50(saving) / frame).toFixed(1)} × baseline)`,
        ],
        [
          'drop until the frame showing the confirmed allocation (committed in main) is painted p50 / worst',
          `${ms(p50(confirmed))} / ${ms(Math.max(...confirmed))} (${(p50(confirmed) / frame).toFixed(1)} × baseline)`,
        ],
        [
          'a drop until it is confirmed, in the page: layouts / time in layout / time in scripts p50',
          `${p50(traces.map((t) => t.layouts))} / ${ms(p50(traces.map((t) => t.layoutMs)))} / ${ms(p50(traces.map((t) => t.scriptMs)))}`,
        ],
        [
          "the confirmed drop's stages p50: until the request is sent / main's answer arrives / its patch and render are done / painted",
          [stage('up', 'sent'), stage('sent', 'received'), stage('received', 'handled'), stage('handled', 'painted')].map(ms).join(' / ') +
            ` (answer ${p50(traces.map((t) => t.bytesReceived)).toLocaleString('en')} bytes)`,
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
