import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (architecture.md)', () => {
  it('forbid Electron in core, devices, api and host', async () => {
    for (const file of ['main/core/x.ts', 'main/devices/x.ts', 'main/api/x.ts', 'main/host/x.ts']) {
      expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", file), file).not.toEqual([]);
    }
  });

  it('allow Electron in main/electron', async () => {
    expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'main/electron/x.ts')).toEqual([]);
  });

  it('forbid Node built-ins and core in the renderer', async () => {
    expect(await restrictedImports("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'renderer/x.ts')).not.toEqual([]);
    expect(await restrictedImports("import path from 'path';\nexport const p = path;\n", 'renderer/x.ts')).not.toEqual([]);
    expect(await restrictedImports("import { Scheduler } from '../main/core/scheduler';\nexport const s = Scheduler;\n", 'renderer/x.ts')).not.toEqual([]);
    expect(await restrictedImports("import { calls } from '../main/api/contract';\nexport const c = calls;\n", 'renderer/x.ts')).toEqual([]);
  });
});
