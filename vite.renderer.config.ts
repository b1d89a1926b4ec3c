import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/api/content-security-policy';

/**
 * The same policy as a <meta> tag in the built page: Electron may not run
 * onHeadersReceived for a file:// page, and the meta tag holds either way.
 * frame-ancestors is header-only, so it is left out here.
 */
function contentSecurityPolicyMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'opencounter-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

/** The renderer build, shared by electron-vite (the app) and `npm run build:renderer` (the browser host). */
export const rendererConfig: UserConfig = {
  root: `${root}renderer`,
  base: './',
  plugins: [vue(), contentSecurityPolicyMeta()],
  build: {
    outDir: `${root}out/renderer`,
    emptyOutDir: true,
    target: 'chrome130',
  },
  server: { fs: { allow: [root] } },
};

export default defineConfig(rendererConfig);
