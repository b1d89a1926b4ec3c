import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The renderer build, shared by electron-vite (the app) and `npm run build:renderer` (the browser host). */
export const rendererConfig: UserConfig = {
  root: `${root}renderer`,
  base: './',
  plugins: [vue()],
  build: {
    outDir: `${root}out/renderer`,
    emptyOutDir: true,
    target: 'chrome130',
  },
  server: { fs: { allow: [root] } },
};

export default defineConfig(rendererConfig);
