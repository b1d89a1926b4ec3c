import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownModuleGraph } from '../../vitest.config';

const root = join(__dirname, '../..');
const testFiles = (readdirSync(join(root, 'test/unit'), { recursive: true }) as string[])
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => relative(root, join(root, 'test/unit', name)));

/** What changes a module or a global for the rest of the worker when files share their modules. */
const SWAPS = /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|resetModules)\(/;

describe('unit test files that swap modules or globals', () => {
  it('each run in a module graph of its own, and only those', () => {
    const swapping = testFiles.filter(
      (file) => file !== 'test/unit/module-isolation.test.ts' && SWAPS.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(swapping.sort()).toEqual([...ownModuleGraph].sort());
  });
});
