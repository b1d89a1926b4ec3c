import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module config without type declarations
import { SCOPES } from '../../../stryker.config.mjs';

type Scope = { mutate: string[]; tests: string[] };

describe('the mutation-testing scopes', () => {
  // A test file that moved leaves its scope with no tests, and every mutant "survives".
  it.each(Object.entries(SCOPES as Record<string, Scope>))('%s names sources and tests that exist', (_name, scope) => {
    for (const pattern of [...scope.mutate, ...scope.tests]) expect(globSync(pattern), pattern).not.toEqual([]);
  });
});
