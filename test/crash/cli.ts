import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashTrial } from './crash-trial';

/** `npm run crash -- --kills 200`: the long run of the crash test. */
const { values } = parseArgs({
  options: { kills: { type: 'string', default: '200' }, seed: { type: 'string', default: String(Date.now() % 1_000_000) } },
});
const dataDir = mkdtempSync(join(tmpdir(), 'opencounter-crash-'));
const started = Date.now();
try {
  const result = await runCrashTrial({ dataDir, kills: Number(values.kills), seed: Number(values.seed) });
  console.log(JSON.stringify({ ...result, seed: Number(values.seed), seconds: Math.round((Date.now() - started) / 1000) }, null, 2));
  if (result.lost.length > 0 || result.duplicated.length > 0 || result.integrity !== 'ok') process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
