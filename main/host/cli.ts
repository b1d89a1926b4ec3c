import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCounterLog } from '../app/logging';
import { startCounterApp } from '../app/start';
import { AdjustableClock, systemClock } from '../core/clock';
import { startBrowserHost } from './browser-host';
import { signInTestManager } from './test-staff';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run serve -- --port <p> --data-dir <dir> [--test-hooks [--test-staff]] [--kiosk] [--serial <path>]` (README.md, Architecture: browser host). */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5180' },
      'data-dir': { type: 'string', default: resolve(repoRoot, '.data') },
      'test-hooks': { type: 'boolean', default: false },
      // With --test-hooks: a test manager exists and is signed in at start (the project's e2e fixture passes it).
      'test-staff': { type: 'boolean', default: false },
      // Kiosk mode from the start; the browser itself cannot be locked down, but leaving still takes a manager's PIN.
      kiosk: { type: 'boolean', default: false },
      serial: { type: 'string' },
      'renderer-dir': { type: 'string', default: resolve(repoRoot, 'out/renderer') },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`);
  const version = (JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const testClock = values['test-hooks'] ? new AdjustableClock() : undefined;
  const app = startCounterApp({
    dataDir: resolve(values['data-dir']),
    clock: testClock ?? systemClock,
    version,
    testHooks: Boolean(testClock),
    serialPaths: values.serial ? [values.serial] : [],
    log: openCounterLog(resolve(values['data-dir'])).log,
    core: { kiosk: values.kiosk },
  });
  // Signed in before the host listens: a page that reconnects after a restart must not meet a locked counter.
  if (values['test-staff'] && testClock && app.core) await signInTestManager(app.core);
  const host = await startBrowserHost({ app, rendererDir: resolve(values['renderer-dir']), port, testClock });
  console.log(`OpenCounter browser host on http://127.0.0.1:${host.port}/ (data: ${resolve(values['data-dir'])})`);
  if (testClock) console.log('Test hooks are ON: /test/scan, /test/clock, /test/health. Never use this in a shop.');

  const shutdown = async () => {
    await host.close();
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
