import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const folders = (path: string) =>
  readdirSync(join(root, path), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** Core folders that are not features, so no calls of their own. */
const CORE_WITHOUT_CALLS: Record<string, string> = {
  db: 'the database and its migrations',
  updates: 'the install decision, asked by the updater in main/electron, not by the screen',
};
/** Api folders with no core of their own. */
const CALLS_WITHOUT_CORE: Record<string, string> = {
  system: 'the app’s status and the interface language, answered from the process',
  custody: 'the custody log’s chain, check and export, kept in main/core/parcels beside the moves it records',
};

/** One feature, one name in every layer: what is in main/core/<f> is found as main/api/<f> and test/unit/core/<f>. */
describe('feature folders', () => {
  it('every core folder has its unit tests under the same name', () => {
    const missing = folders('main/core').filter((feature) => !existsSync(join(root, 'test/unit/core', feature)));
    expect(missing, 'main/core/<f> without test/unit/core/<f>').toEqual([]);
  });

  it('every core feature has its calls and handlers under the same name in the api', () => {
    const missing = folders('main/core')
      .filter((feature) => !(feature in CORE_WITHOUT_CALLS))
      .flatMap((feature) => ['calls.ts', 'handlers.ts'].map((file) => `main/api/${feature}/${file}`))
      .filter((path) => !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });

  it('every api feature has its core under the same name', () => {
    const missing = folders('main/api').filter(
      (feature) => !(feature in CALLS_WITHOUT_CORE) && !existsSync(join(root, 'main/core', feature)),
    );
    expect(missing, 'main/api/<f> without main/core/<f>').toEqual([]);
  });
});
