import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../../main/core/db/migrations';

const DB_TESTS = join(__dirname, '..');

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testSources(path);
    return entry.name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('migration data tests', () => {
  it('every migration after the first has one, named "<version> <name>" (rows at the version before, migrated, compared)', () => {
    const sources = testSources(DB_TESTS).join('\n');
    const missing = migrations.slice(1).filter((m) => !sources.includes(`'${m.version} ${m.name}`));
    expect(missing.map((m) => `${m.version} ${m.name}`)).toEqual([]);
  });
});
