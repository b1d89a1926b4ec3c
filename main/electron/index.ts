import { app, BrowserWindow, crashReporter, ipcMain, powerSaveBlocker, safeStorage } from 'electron';
import { autoUpdater } from 'electron-updater';
import { fileURLToPath } from 'node:url';
import { openCounterLog } from '../app/logging';
import { runElectronMain } from './main-process';

// The electron-vite main entry: out/main/index.js, next to out/preload and out/renderer.
runElectronMain({
  app,
  BrowserWindow,
  ipcMain,
  safeStorage,
  powerSaveBlocker,
  crashReporter,
  processEvents: process,
  platform: process.platform,
  loadAutoUpdater: () => autoUpdater,
  argv: process.argv,
  env: process.env,
  outDir: fileURLToPath(new URL('..', import.meta.url)),
  log: openCounterLog(app.getPath('userData')).log,
}).catch((error: unknown) => {
  console.error('[opencounter] the app could not start', error);
  app.exit(1);
});
