import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import afterPack, { electronBinaryOf, FUSES } from '../../../build/electron-fuses.mjs';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in for the Electron binary: bytes around the fuse wire, every fuse enabled as Electron ships it. */
function fakeElectron(path: string): void {
  const wire = Buffer.from([1, 9, ...Array(9).fill(FuseState.ENABLE)]);
  writeFileSync(path, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 9)]));
}

describe('Electron fuses of a packaged build', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and turn on cookie encryption, asar integrity and asar-only loading', () => {
    expect(FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('are flipped by the afterPack hook that electron-builder runs', () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { afterPack?: string; asar?: boolean };
    expect(config.afterPack).toBe('build/electron-fuses.mjs');
    expect(config.asar).toBe(true);
  });

  it('are written into the packed binary by the hook', async () => {
    const appOutDir = tempDir();
    fakeElectron(join(appOutDir, 'opencounter'));
    await afterPack({
      appOutDir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'OpenCounter' }, executableName: 'opencounter' },
    });
    const wire = await getCurrentFuseWire(join(appOutDir, 'opencounter'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });

  it('find the binary on each platform', () => {
    const packager = { appInfo: { productFilename: 'OpenCounter' }, executableName: 'opencounter' };
    expect(electronBinaryOf({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(join('/o', 'opencounter'));
    expect(electronBinaryOf({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(join('/o', 'OpenCounter.exe'));
    expect(electronBinaryOf({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(join('/o', 'OpenCounter.app'));
  });
});
