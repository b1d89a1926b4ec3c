import { defineConfig } from 'vitest/config';
import { unitTestOptions, unitTests } from './vitest.config';

/** The unit tests of the scope Stryker mutates (see stryker.config.mjs), instead of the whole suite, each file isolated. */
const tests = JSON.parse(process.env.MUTATION_TESTS ?? '[]') as string[];

export default defineConfig({
  test: { ...unitTestOptions, maxWorkers: 2, include: tests.length > 0 ? tests : [unitTests] },
});
