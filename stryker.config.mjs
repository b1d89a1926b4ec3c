import { writeFileSync } from 'node:fs';

// Mutation testing of the domain rules: `npm run test:mutation` (all scopes) or
// `MUTATION_SCOPE=driver-qr npm run test:mutation` (one). Slow on two cores, so
// it is not part of `npm test` or CI; each scope keeps its own incremental file,
// so a second run only tests the mutants of code or tests that changed.
export const SCOPES = {
  parcels: {
    mutate: ['main/core/parcels/**/*.ts'],
    // The parcel rules are also met through main's views and the app's deadlines: those tests count too.
    tests: [
      'test/unit/core/parcels/**/*.test.ts',
      'test/unit/core/inventory/**/*.test.ts',
      'test/unit/api/pickup-view.test.ts',
      'test/unit/api/expired-view.test.ts',
      'test/unit/app/pickup-finish-app.test.ts',
      'test/unit/core/db/migration-data/0140-custody-chain.test.ts',
    ],
  },
  scanning: {
    mutate: ['main/core/scanning/**/*.ts'],
    tests: ['test/unit/core/scanning/**/*.test.ts', 'test/unit/app/scanner-hub.test.ts'],
  },
  support: {
    mutate: ['main/core/support/**/*.ts'],
    // Staff meet the support rules also through the app's wiring (auto-close timer, diagnostics): those tests count too.
    tests: [
      'test/unit/core/support/**/*.test.ts',
      'test/unit/app/support-app.test.ts',
      'test/unit/app/diagnostics.test.ts',
      'test/unit/core/db/migration-data/0040-support.test.ts',
    ],
  },
  outbox: {
    mutate: ['main/core/networks/outbox.ts'],
    tests: ['test/unit/app/outbox.test.ts', 'test/unit/core/networks/exactly-once.test.ts'],
  },
  'driver-qr': { mutate: ['main/core/driver-qr/**/*.ts'], tests: ['test/unit/core/driver-qr/**/*.test.ts'] },
  hours: { mutate: ['main/core/hours/**/*.ts'], tests: ['test/unit/core/hours/**/*.test.ts'] },
  'blocking-guard': { mutate: ['main/api/blocking-guard.ts'], tests: ['test/unit/api/blocking-guard.test.ts'] },
};

const name = process.env.MUTATION_SCOPE;
if (name !== undefined && !(name in SCOPES)) throw new Error(`MUTATION_SCOPE must be one of ${Object.keys(SCOPES).join(', ')}`);
const chosen = name ? [SCOPES[name]] : Object.values(SCOPES);
// Read by vitest.mutation.config.ts in the test runner processes, which inherit the environment.
process.env.MUTATION_TESTS = JSON.stringify([...new Set(chosen.flatMap((s) => s.tests))]);
const label = name ?? 'all';
// The TypeScript checker sees only the mutated files and what they import: on the whole project (580 files, tests
// included) each mutant cost about 10 s of CPU to check, against about 1 s to test. A mutant that compiles in its own
// file but breaks a file importing it is then caught by the tests instead of by the checker.
const checkerTsconfig = 'tsconfig.mutation.json';
writeFileSync(checkerTsconfig, `${JSON.stringify({ extends: './tsconfig.json', include: chosen.flatMap((s) => s.mutate) }, null, 2)}\n`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: checkerTsconfig,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: chosen.flatMap((s) => s.mutate),
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `reports/mutation/${label}.incremental.json`,
  concurrency: 1,
  timeoutMS: 20_000,
  // The first run of all of a scope's tests with per-test coverage: the parcels scope's took over Stryker's default
  // 5 minutes at a load of 19, and the whole run then stops.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${label}.html` },
  jsonReporter: { fileName: `reports/mutation/${label}.json` },
  // Build output and test reports are not sources: copying them into the sandbox only costs time (and races Playwright).
  ignorePatterns: ['out', 'dist', 'release', 'test-results', 'playwright-report', 'reports', '.data', '.cache'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
