import { describe, expect, it } from 'vitest';
import { runCrashTrial } from '../../crash/crash-trial';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();

describe('a counter killed in the middle of scans', () => {
  // 20 SIGKILLs here; `npm run crash -- --kills 200` is the long run.
  it('keeps every acknowledged intake and pickup, once, in a database that passes integrity_check', async () => {
    const result = await runCrashTrial({ dataDir: tempDir(), kills: 20, minLifeMs: 20, maxLifeMs: 400, seed: 20_261_201 });
    expect(result.acknowledged.intake + result.acknowledged.pickup).toBeGreaterThan(0);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    expect(result.integrity).toBe('ok');
  }, 120_000);
});
