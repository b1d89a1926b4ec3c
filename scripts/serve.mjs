// `npm run serve`: builds the renderer when there is no build yet or its sources
// are newer than the build, then starts the browser host (main/host/cli.ts)
// under tsx with the arguments given.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { rendererBuildIsStale } from './renderer-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (rendererBuildIsStale(root)) {
  const build = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const host = spawn(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
