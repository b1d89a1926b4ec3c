// electron-builder's afterPack hook: flips Electron's fuses in the packaged
// binary before it is signed. Fuses are switches compiled into Electron that
// no command-line flag or environment variable can turn back on.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuse settings of every packaged build, as data (tested in test/unit/electron/fuses.test.ts). */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS=--require … would load code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app's code is read only from app.asar, and only if it matches the hash recorded at packaging.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // macOS arm64 refuses a binary whose ad-hoc signature no longer matches after the flip.
  resetAdHocDarwinSignature: true,
};

/** The Electron binary electron-builder just packed, per platform. */
export function electronBinaryOf(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${product}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${product}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  await flipFuses(electronBinaryOf(context), FUSES);
}
