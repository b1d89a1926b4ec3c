import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/** The unit tests of the scope Stryker mutates (see stryker.config.mjs), instead of the whole suite. */
const tests = JSON.parse(process.env.MUTATION_TESTS ?? '[]') as string[];

export default defineConfig({
  test: { ...base.test, include: tests.length > 0 ? tests : base.test!.include },
});
