/// <reference lib="dom" />
import { chromium } from '@playwright/test';
import { openSync, writeSync, closeSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../e2e/host';
import { SocatLine } from '../unit/devices/socat';
import { ms, percentile } from './stats';

const SCANS = 500;
const BURST = 500;
const BURST_INTERVAL_MS = 20; // 50 scans per second

const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Scan-to-screen latency: a label written to a real serial pty until the
 * settings screen's test-scan area shows it in Chromium, against a WebSocket
 * round trip of the same page to main (system.status) as the floor. Then a
 * 50-scans-per-second burst, counting scans the page saw.
 */
export async function benchScanLatency(): Promise<{ rows: [string, string][] }> {
  const dir = mkdtempSync(join(tmpdir(), 'opencounter-bench-'));
  const line = new SocatLine(join(dir, 'scanner'), join(dir, 'writer'));
  await line.start();
  const host = await startHost({ dataDir: join(dir, 'data'), testHooks: true, serial: line.a });
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
    const page = await browser.newPage();
    await page.goto(`${host.url}#/settings`);
    await page.getByTestId('scan-count').waitFor();
    const writer = openSync(line.b, 'w');
    // Record when each code first appears in the test-scan area, on the page's own clock (epoch ms).
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      const area = document.querySelector('[data-testid="test-scan"]')!;
      new MutationObserver(() => {
        const match = /(BENCH\d+)/.exec(area.textContent ?? '');
        if (match && !(match[1]! in seen)) seen[match[1]!] = performance.timeOrigin + performance.now();
      }).observe(area, { subtree: true, childList: true, characterData: true });
    });

    const latencies: number[] = [];
    for (let i = 0; i < SCANS; i++) {
      const code = `BENCH${String(i).padStart(6, '0')}`;
      const sentAt = epochNow();
      writeSync(writer, `${code}\r`);
      const shownAt = await page.waitForFunction((c) => (window as unknown as { __seen: Record<string, number> }).__seen[c], code, {
        polling: 'raf',
      });
      latencies.push(Number(await shownAt.jsonValue()) - sentAt);
      // Let the same-code de-duplication window and the page settle: one scan at a time here.
      await page.waitForTimeout(5);
    }

    // The floor: the same page's WebSocket round trip to main and back.
    const floor: number[] = await page.evaluate(async (n) => {
      const ws = new WebSocket(`ws://${location.host}/api`);
      await new Promise((r) => (ws.onopen = r));
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await new Promise<void>((resolve) => {
          ws.onmessage = () => resolve();
          ws.send(JSON.stringify({ id: i + 1, call: 'system.status' }));
        });
        times.push(performance.now() - t0);
      }
      ws.close();
      return times;
    }, SCANS);

    // 50 scans per second: does every one reach the screen?
    const before = Number(await page.getByTestId('scan-count').getAttribute('data-count'));
    const start = epochNow();
    for (let i = 0; i < BURST; i++) {
      writeSync(writer, `BURST${String(i).padStart(6, '0')}\r`);
      const next = start + (i + 1) * BURST_INTERVAL_MS;
      while (epochNow() < next) await new Promise((r) => setTimeout(r, 1));
    }
    await page
      .waitForFunction(
        ([b, n]) => Number(document.querySelector('[data-testid="scan-count"]')?.getAttribute('data-count')) >= b + n,
        [before, BURST] as const,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    const after = Number(await page.getByTestId('scan-count').getAttribute('data-count'));
    closeSync(writer);

    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const f50 = percentile(floor, 50);
    const f99 = percentile(floor, 99);
    return {
      rows: [
        [`Serial pty → DOM, ${SCANS} scans (p50 / p99)`, `${ms(p50)} / ${ms(p99)}`],
        ['WebSocket round trip page → main → page, floor (p50 / p99)', `${ms(f50)} / ${ms(f99)}`],
        ['p99 above the floor p99 (aim < 16 ms)', ms(p99 - f99)],
        [`Burst of ${BURST} scans at 50/s: scans shown`, `${after - before} of ${BURST}`],
      ],
    };
  } finally {
    await browser.close();
    await host.stop();
    await line.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
