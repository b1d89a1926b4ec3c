import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  // Layers: only the Electron glue may import Electron (architecture.md).
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only main/electron/ may import Electron; core, devices, api and host run in plain Node.' }],
          patterns: [{ group: ['electron/*', 'electron-updater'], message: 'Only main/electron/ may import Electron.' }],
        },
      ],
    },
  },
  // The renderer runs in a sandboxed page: no Node built-ins, no Electron.
  {
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: ask main through the contract.' })),
            { name: 'electron', message: 'The renderer reaches main only through window.counter.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: ask main through the contract.' },
            { group: ['**/main/core/**', '**/main/devices/**', '**/main/host/**', '**/main/electron/**'], message: 'The renderer may import only the contract (main/api).' },
          ],
        },
      ],
    },
  },
);
