import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './vite.renderer.config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: `${root}out/main`,
      rollupOptions: { input: { index: `${root}main/electron/index.ts` } },
    },
  },
  preload: {
    build: {
      outDir: `${root}out/preload`,
      // A sandboxed preload must be one CommonJS file.
      rollupOptions: {
        input: { index: `${root}preload/index.ts` },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rollupOptions: { input: { index: `${root}renderer/index.html` } },
    },
  },
});
