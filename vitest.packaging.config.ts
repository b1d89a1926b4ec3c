import { defineConfig } from 'vitest/config';

/** `npm run test:packaging`: electron-builder packs the app against a stand-in Electron (a minute; CI runs it). */
export default defineConfig({
  test: {
    include: ['test/packaging/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
