import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * electron-builder packs the real build (`out/`, made by `npm run test:packaging`) into a directory for
 * Linux, against a stand-in Electron distribution: a file with the fuse wire where the binary goes. Nothing
 * is downloaded and nothing is rebuilt; what is checked is the file layout and the afterPack hook.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
let work: string;
let resources: string;
let files: string[];

beforeAll(() => {
  expect(existsSync('out/main/index.js'), 'run `npm run test:packaging`, which builds out/ first').toBe(true);
  work = mkdtempSync(join(tmpdir(), 'opencounter-pack-'));
  const electronDist = join(work, 'electron');
  mkdirSync(electronDist);
  const wire = Buffer.from([1, 9, ...Array(9).fill(FuseState.ENABLE)]);
  writeFileSync(
    join(electronDist, 'electron'),
    Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 9)]),
    { mode: 0o755 },
  );
  writeFileSync(join(electronDist, 'LICENSE'), 'stand-in');
  const output = join(work, 'release');
  execFileSync(
    process.execPath,
    [
      'node_modules/electron-builder/cli.js',
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    { env: { ...process.env, OPENCOUNTER_UPDATE_URL: 'https://updates.example.org/opencounter' }, stdio: 'pipe' },
  );
  resources = join(output, 'linux-unpacked', 'resources');
  files = listPackage(join(resources, 'app.asar'), { isPack: false });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed app', () => {
  it('holds the build, and no sources, source maps or C sources', () => {
    expect(files).toEqual(
      expect.arrayContaining(['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']),
    );
    expect(files.filter((f) => !f.startsWith('/out') && !f.startsWith('/node_modules') && f !== '/package.json')).toEqual([]);
    expect(files.filter((f) => /\.(?:map|ts|mts|cts|vue)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(?:c|cc|cpp|h)$/.test(f))).toEqual([]);
  });

  it('keeps every native module outside the archive, where it can be loaded', () => {
    const natives = files.filter((f) => f.endsWith('.node'));
    expect(natives.filter((f) => f.startsWith('/node_modules/better-sqlite3/'))).toEqual([
      '/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ]);
    expect(natives).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/node_modules\/@serialport\/bindings-cpp\/prebuilds\/linux-x64\//),
        expect.stringMatching(/^\/node_modules\/node-hid\/prebuilds\/HID-linux-x64\//),
      ]),
    );
    for (const native of natives) expect(existsSync(join(resources, 'app.asar.unpacked', native)), native).toBe(true);
  });

  it('ships the three locales in resources and the generic update feed', () => {
    expect(readdirSync(join(resources, 'locales')).sort()).toEqual(['en.json', 'fr.json', 'it.json']);
    expect(readFileSync(join(resources, 'app-update.yml'), 'utf8')).toMatch(
      /provider: generic\nurl: https:\/\/updates\.example\.org\/opencounter/,
    );
  });

  it('has its fuses flipped by the afterPack hook', async () => {
    const wire = await getCurrentFuseWire(join(resources, '..', 'opencounter'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
  });
});
