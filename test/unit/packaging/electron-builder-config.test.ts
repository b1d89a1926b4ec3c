import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { existsSync, readFileSync } from 'node:fs';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The packaging configuration, checked without packaging (which needs Electron's binary): electron-builder's
 * own schema, then what the counter needs of it. `npm run test:packaging` builds the layout for real against
 * a stand-in Electron.
 */
interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  asar: boolean;
  afterPack: string;
  win: { target: { target: string }[] };
  nsis: { perMachine: boolean; oneClick: boolean; allowToChangeInstallationDirectory: boolean };
  linux: { target: string[] };
  publish: { provider: string; url: string };
}
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

/** Whether electron-builder's `files` keep a path: the last pattern that matches it decides. */
const packed = (path: string) =>
  config.files.reduce(
    (kept, pattern) =>
      pattern.startsWith('!')
        ? minimatch(path, pattern.slice(1), { dot: true })
          ? false
          : kept
        : minimatch(path, pattern, { dot: true }) || kept,
    false,
  );
const packedDependency = (path: string) =>
  config.files.filter((p) => p.startsWith('!')).every((p) => !minimatch(path, p.slice(1), { dot: true }));
const unpacked = (path: string) => config.asarUnpack.some((pattern) => minimatch(path, pattern, { dot: true }));

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema, which refuses a misspelt key", async () => {
    const loaded = await getConfig(process.cwd(), 'electron-builder.yml', null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...loaded, nsis: { ...loaded.nsis, perMachin: true } as never }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration\.nsis/);
  });

  it('unpacks the native modules from the asar archive', () => {
    expect(config.asar).toBe(true);
    for (const binary of [
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
      'node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node',
      'node_modules/node-hid/prebuilds/HID-win32-x64/node-napi-v4.node',
      'node_modules/node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node',
    ]) {
      expect(unpacked(binary), binary).toBe(true);
    }
  });

  it('packs the build and no sources or maps', () => {
    for (const path of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json'])
      expect(packed(path), path).toBe(true);
    for (const path of [
      'main/app/start.ts',
      'renderer/shell/App.vue',
      'test/unit/lint-layers.test.ts',
      'locales/en.json',
      'out/main/index.js.map',
      'electron-builder.yml',
      '.data/opencounter.sqlite',
    ]) {
      expect(packed(path), path).toBe(false);
    }
    for (const path of [
      'node_modules/pino/lib/tools.js.map',
      'node_modules/zod/src/v4/core/core.ts',
      'node_modules/better-sqlite3/src/better_sqlite3.cpp',
      'node_modules/node-hid/hidapi/linux/hid.c',
      'node_modules/better-sqlite3/build/Release/obj/gen/sqlite3/sqlite3.c',
      'node_modules/node-addon-api/napi.h',
      'node_modules/@serialport/bindings-cpp/node_modules/node-addon-api/napi.h',
    ]) {
      expect(packedDependency(path), path).toBe(false);
    }
    expect(packedDependency('node_modules/pino/pino.js')).toBe(true);
    expect(packedDependency('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
  });

  it('ships the locales in resources for main', () => {
    expect(config.extraResources).toContainEqual({ from: 'locales', to: 'locales', filter: ['*.json'] });
  });

  it('builds an NSIS installer per machine for Windows, AppImage and deb for Linux, and updates from a generic feed', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false, allowToChangeInstallationDirectory: true });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.OPENCOUNTER_UPDATE_URL}' });
  });

  it('flips the fuses in an afterPack hook that exists', () => {
    expect(config.afterPack).toBe('build/electron-fuses.mjs');
    expect(existsSync(config.afterPack)).toBe(true);
  });
});
