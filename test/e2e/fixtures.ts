import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCounterCore, type CounterCore } from '../../main/core/counter-core';
import { startHost, type HostOptions, type RunningHost } from './host';

export { expect };

/** Core opened in the test process on a host's database, with the host's clock as last read. */
export interface HostCore {
  core: CounterCore;
  /** The host time last read by sync() or advance(): what core's clock answers. */
  readonly now: number;
  /** Reads the host's clock (advance by 0) and makes it core's "now". */
  sync(): Promise<number>;
  /** Moves the host's clock forward and makes the result core's "now". */
  advance(ms: number): Promise<number>;
  /** Moves the host's clock to just after the start of the next 30 s step, so a test has ~29 s before the next rotation. */
  alignToStep(stepMs?: number, afterMs?: number): Promise<number>;
}

interface WorkerFixtures {
  /** One browser host with --test-hooks on a fresh data dir, shared by the tests of a worker. */
  sharedHost: RunningHost;
}

interface TestFixtures {
  /** The shared host, with the language setting put back to English before the test. `page` opens it via baseURL. */
  host: RunningHost;
  /** Core on the shared host's database (a second SQLite connection; WAL allows it). */
  hostCore: HostCore;
  /** A fresh temporary directory, removed after the test. */
  makeTempDir: () => string;
  /** Starts an extra host (fresh data dir unless given); every host it starts is stopped after the test. */
  launchHost: (options?: Partial<HostOptions>) => Promise<RunningHost>;
}

function newTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'opencounter-e2e-'));
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sharedHost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs a destructuring pattern here.
    async ({}, use) => {
      const dataDir = newTempDir();
      const host = await startHost({ dataDir, testHooks: true });
      try {
        await use(host);
      } finally {
        await host.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  host: async ({ sharedHost }, use) => {
    await sharedHost.call('settings.setLanguage', { language: 'en' });
    await use(sharedHost);
  },

  baseURL: async ({ host }, use) => {
    await use(host.url);
  },

  hostCore: async ({ host }, use) => {
    let now = await host.now();
    const core = openCounterCore(host.dataDir, { now: () => now });
    const hostCore: HostCore = {
      core,
      get now() {
        return now;
      },
      sync: async () => (now = await host.now()),
      advance: async (ms) => (now = await host.advanceClock(ms)),
      alignToStep: async (stepMs = 30_000, afterMs = 1_000) => {
        const current = await host.now();
        return (now = await host.advanceClock(stepMs - (current % stepMs) + afterMs));
      },
    };
    try {
      await use(hostCore);
    } finally {
      core.close();
    }
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright needs a destructuring pattern here.
  makeTempDir: async ({}, use) => {
    const dirs: string[] = [];
    await use(() => {
      const dir = newTempDir();
      dirs.push(dir);
      return dir;
    });
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  },

  launchHost: async ({ makeTempDir }, use) => {
    const hosts: RunningHost[] = [];
    await use(async (options = {}) => {
      const host = await startHost({
        dataDir: options.dataDir ?? makeTempDir(),
        testHooks: options.testHooks ?? true,
        serial: options.serial,
        port: options.port,
        signedIn: options.signedIn,
        kiosk: options.kiosk,
      });
      hosts.push(host);
      return host;
    });
    for (const host of hosts) await host.stop();
  },
});
