import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default on two cores is one worker; many tests wait on sockets, ptys and timers, so two overlap well (201 s → 133 s).
    maxWorkers: 2,
    testTimeout: 15_000,
    // A poll waits for asynchronous work (a log stream's first write, an outbox send): on two loaded cores that can take
    // well over the default second, which made the diagnostics test fail in mutation runs at a load of 13.
    expect: { poll: { timeout: 10_000 } },
  },
});
