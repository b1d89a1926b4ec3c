import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS } from '../../../main/core/errors';

const dir = join(__dirname, '../../../locales');
const load = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;

/** Every leaf path; arrays count as one key each with their length, so a missing tip shows too. */
function keys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function leaves(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [String(value)];
}

describe('locales', () => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('exist for Italian, French and English', () => {
    expect(files).toEqual(['en.json', 'fr.json', 'it.json']);
  });

  it('have identical key sets', () => {
    const [first, ...rest] = files.map((f) => ({ file: f, keys: keys(load(f)).sort() }));
    for (const other of rest) expect(other.keys, `${other.file} vs ${first!.file}`).toEqual(first!.keys);
  });

  it('have no empty strings', () => {
    for (const file of files)
      expect(
        leaves(load(file)).filter((s) => s.trim() === ''),
        file,
      ).toEqual([]);
  });

  it('translate every error code main can send', () => {
    for (const file of files) {
      const { reasons, ...errors } = load(file).errors as Record<string, unknown>;
      expect(Object.keys(errors).sort(), file).toEqual([...ERROR_CODES].sort());
      expect(Object.keys(reasons as object).sort(), file).toEqual([...ERROR_REASONS].sort());
    }
  });

  it('use the same placeholders in every language', () => {
    const placeholders = (file: string) => {
      const flat: Record<string, string[]> = {};
      const walk = (v: unknown, p: string) => {
        if (typeof v === 'string') flat[p] = (v.match(/\{\w+\}/g) ?? []).sort();
        else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, `${p}.${k}`);
      };
      walk(load(file), '');
      return flat;
    };
    const [first, ...rest] = files.map(placeholders);
    for (const other of rest) expect(other).toEqual(first);
  });
});
