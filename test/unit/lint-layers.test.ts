import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages ESLint gives `import ... from '<from>'` in `file` (a file that need not exist). */
async function refusals(file: string, from: string): Promise<string[]> {
  const code = `import * as x from '${from}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}
const refused = async (file: string, from: string) => expect(await refusals(file, from), `${file} → ${from}`).not.toEqual([]);
const allowed = async (file: string, from: string) => expect(await refusals(file, from), `${file} → ${from}`).toEqual([]);

describe('layer rules', () => {
  it('Electron only in main/electron', async () => {
    for (const file of ['main/core/x.ts', 'main/devices/x.ts', 'main/api/x.ts', 'main/app/x.ts', 'main/host/x.ts', 'renderer/x.ts'])
      await refused(file, 'electron');
    await refused('main/app/x.ts', 'electron-updater');
    await allowed('main/electron/x.ts', 'electron');
  });

  it('renderer → the api contract only, and no Node', async () => {
    await refused('renderer/x.ts', 'node:fs');
    await refused('renderer/x.ts', 'path');
    await refused('renderer/features/x/y.ts', '../../../main/core/scheduler');
    await refused('renderer/features/x/y.ts', '../../../main/core/parcels/parcel-states');
    await refused('renderer/x.ts', '../main/api/router');
    await refused('renderer/x.ts', '../main/api/parcels/handlers');
    await refused('renderer/x.ts', '../main/app/start');
    await allowed('renderer/x.ts', '../main/api/contract');
    await allowed('renderer/x.ts', '../main/api/errors');
    await allowed('renderer/features/x/y.ts', '../../../main/api/parcels/schemas');
    await allowed('renderer/features/x/y.ts', '../../../main/api/parcels/calls');
  });

  it('api contract → zod, other contract files and pure core tables only', async () => {
    for (const file of ['main/api/contract.ts', 'main/api/schemas.ts', 'main/api/parcels/calls.ts', 'main/api/parcels/schemas.ts']) {
      const up = file.split('/').length === 3 ? '../' : '../../';
      await refused(file, `${up}core/counter-core`);
      await refused(file, `${up}core/support/support-desk`);
      await refused(file, 'node:crypto');
      await refused(file, 'libphonenumber-js');
      await allowed(file, 'zod');
      await allowed(file, `${up}core/parcels/parcel-states`);
      await allowed(file, `${up}core/hours/hours-shapes`);
    }
    await refused('main/api/parcels/calls.ts', './handlers');
    await refused('main/api/contract.ts', './router');
    await allowed('main/api/contract.ts', './parcels/calls');
  });

  it('pure core tables → zod and each other only', async () => {
    await refused('main/core/parcels/parcel-states.ts', '../db/statements');
    await refused('main/core/hours/hours-shapes.ts', 'better-sqlite3');
    await refused('main/core/hours/hours-shapes.ts', 'node:fs');
    await allowed('main/core/parcels/parcel-states.ts', '../errors');
    await allowed('main/core/store/store-shapes.ts', 'zod');
    // A shared calculation at the core's root is pure too, and the features' pure files may use it.
    await refused('main/core/zoned-time-calc.ts', 'better-sqlite3');
    await refused('main/core/zoned-time-calc.ts', './db/statements');
    await allowed('main/core/service/capacity-calc.ts', '../zoned-time-calc');
  });

  it('core → nothing of api, devices, app, host or electron', async () => {
    await refused('main/core/parcels/x.ts', '../../api/contract');
    await refused('main/core/x.ts', '../devices/scan');
    await refused('main/core/x.ts', '../app/start');
    await refused('main/core/x.ts', '../host/cli');
    await allowed('main/core/parcels/x.ts', '../db/statements');
    await allowed('main/core/x.ts', 'better-sqlite3');
  });

  it('devices → nothing of core, api or app (a RawScan is theirs)', async () => {
    await refused('main/devices/x.ts', '../core/scanning');
    await refused('main/devices/x.ts', '../api/contract');
    await refused('main/devices/x.ts', '../app/scanner-hub');
    await allowed('main/devices/x.ts', './scan');
  });

  it('api → core, but not devices, app or host', async () => {
    await refused('main/api/scanning/handlers.ts', '../../devices/serial-scanner');
    await refused('main/api/scanning/handlers.ts', '../../app/scanner-hub');
    await refused('main/api/x.ts', '../host/cli');
    await allowed('main/api/parcels/handlers.ts', '../../core/counter-core');
  });

  it('app → api, core and devices, but not the transports', async () => {
    await refused('main/app/x.ts', '../host/browser-host');
    await refused('main/app/x.ts', '../electron/main-process');
    await allowed('main/app/x.ts', '../devices/serial-scanner');
    await allowed('main/app/background/x.ts', '../../core/scheduler');
  });
});
