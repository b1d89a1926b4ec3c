import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the browser host (README.md, Architecture: browser host),
 * driven by Debian's Chromium: Playwright's own browsers are
 * not installed. Each test file gets its own hosts from test/e2e/fixtures.ts,
 * so there is no `webServer` here. `npm run test:e2e` builds the renderer first.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two files at a time (each with its own hosts and data folders): 6.9 → 5.7 min on two cores, and CI stays well under its 15 minutes.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
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
    },
  },
});
