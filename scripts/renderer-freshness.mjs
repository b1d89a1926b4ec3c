// Whether `npm run serve` must build the renderer first: no build yet, or a source newer than it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the renderer build is made of: its own sources, the strings, the contract it imports from main/api, its config. */
export const RENDERER_SOURCES = ['renderer', 'locales', 'main/api', 'vite.renderer.config.ts', 'package-lock.json'];

/** The newest modification time under a file or folder (0 if it does not exist). */
function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when out/renderer/index.html is missing or older than any renderer source under root. */
export function rendererBuildIsStale(root) {
  const built = newestMtime(join(root, 'out/renderer/index.html'));
  if (built === 0) return true;
  return RENDERER_SOURCES.some((source) => newestMtime(join(root, source)) > built);
}
