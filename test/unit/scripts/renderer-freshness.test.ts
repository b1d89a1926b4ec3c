import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererBuildIsStale } from '../../../scripts/renderer-freshness.mjs';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();

function file(root: string, path: string, secondsAgo: number): void {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, '');
  const at = Date.now() / 1000 - secondsAgo;
  utimesSync(full, at, at);
}

/** Sets every folder's own mtime into the past, so only the files decide. */
function ageFolders(root: string, folders: string[]): void {
  const at = Date.now() / 1000 - 1000;
  for (const folder of folders) utimesSync(join(root, folder), at, at);
}

describe('npm run serve: does the renderer need a build?', () => {
  it('builds when there is no build', () => {
    const root = tempDir();
    file(root, 'renderer/App.vue', 100);
    expect(rendererBuildIsStale(root)).toBe(true);
  });

  it('builds when a view, a locale or the contract changed after the build, not otherwise', () => {
    for (const changed of ['renderer/views/PickupView.vue', 'locales/it.json', 'main/api/contract.ts']) {
      const root = tempDir();
      file(root, 'renderer/views/PickupView.vue', 300);
      file(root, 'locales/it.json', 300);
      file(root, 'main/api/contract.ts', 300);
      file(root, 'out/renderer/index.html', 200);
      ageFolders(root, ['renderer', 'renderer/views', 'locales', 'main', 'main/api']);
      expect(rendererBuildIsStale(root), 'fresh build').toBe(false);
      file(root, changed, 10);
      expect(rendererBuildIsStale(root), changed).toBe(true);
    }
  });
});
