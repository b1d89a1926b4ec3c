// Bundles the browser host (main/host/cli.ts) into one file for the e2e suite.
// The suite starts about a hundred hosts; under tsx each start compiles main
// again, which took 9–15 s on the loaded 2-core machine against 5 s for the
// bundle, and pushed starts past the suite's 20 s limit. Packages stay
// external, as in the Electron build, so native modules load from node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Two levels below the root, like main/host/cli.ts, so its repoRoot resolves the same; outside out/, which is packaged. */
export const HOST_BUNDLE = '.cache/e2e-host/cli.mjs';

export async function buildHost() {
  await build({
    absWorkingDir: root,
    entryPoints: ['main/host/cli.ts'],
    outfile: HOST_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildHost();
