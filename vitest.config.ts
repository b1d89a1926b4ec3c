import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default on two cores is one worker; many tests wait on sockets, ptys and timers, so two overlap well (201 s → 133 s).
    maxWorkers: 2,
    testTimeout: 15_000,
  },
});
