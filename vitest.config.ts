import { defineConfig } from 'vitest/config';

/** What every unit test file runs with, isolated or not (vitest.mutation.config.ts uses it too). */
export const unitTestOptions = {
  environment: 'node',
  pool: 'forks',
  testTimeout: 15_000,
  // A poll waits for asynchronous work (a log stream's first write, an outbox send): on two loaded cores that can take
  // well over the default second, which made the diagnostics test fail in mutation runs at a load of 13.
  expect: { poll: { timeout: 10_000 } },
} as const;

export const unitTests = 'test/unit/**/*.test.ts';

/**
 * Files that swap a module or a global (vi.mock, vi.stubGlobal, vi.resetModules) need a module graph of their own.
 * Every other file shares its worker's modules with the files before it: loading each file's imports afresh took
 * more time than the tests themselves (153 s → 81 s for the suite on two cores).
 */
export const ownModuleGraph = [
  'test/unit/core/scanning/network-patterns.test.ts',
  'test/unit/electron/preload.test.ts',
  'test/unit/renderer/feedback-audio.test.ts',
  'test/unit/renderer/service/board-store.test.ts',
];

export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker; many tests wait on sockets, ptys and timers, so two overlap well (201 s → 133 s).
    maxWorkers: 2,
    projects: [
      { test: { ...unitTestOptions, name: 'unit', include: [unitTests], exclude: ownModuleGraph, isolate: false } },
      { test: { ...unitTestOptions, name: 'unit-own-modules', include: ownModuleGraph } },
    ],
  },
});
