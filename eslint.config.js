import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import eslintConfigPrettier from 'eslint-config-prettier/flat';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const ELECTRON_MESSAGE = 'Only main/electron/ may import Electron; core, devices, api, app and host run in plain Node.';
/**
 * Pure core files: shared with the contract, so they import nothing but zod and each other. *-calc files are
 * pure calculations the renderer may preview with (the service board's drop verdict); main checks again on the call.
 */
const PURE_NAME = '(?:errors|durations|[^/]*-states|[^/]*-shapes|[^/]*-calc)$';
const PURE_CORE_FILES = [
  'main/core/errors.ts',
  'main/core/durations.ts',
  'main/core/**/*-states.ts',
  'main/core/**/*-shapes.ts',
  'main/core/**/*-calc.ts',
];
const PURE_MESSAGE =
  'A pure core file (*-states, *-shapes, *-calc, errors, durations) imports only zod and other pure core files: the renderer bundles it.';
/** What the renderer may import of main: the calls, their schemas, the client and the error type. */
const CONTRACT_FILES = ['main/api/{contract,call,client,errors,schemas,wire}.ts', 'main/api/*/calls.ts', 'main/api/*/schemas.ts'];
const CONTRACT_MESSAGE =
  'The contract is bundled into the renderer: it imports only zod, other contract files and pure core files (*-states, *-shapes, errors).';

/** A relative import into one of these folders of main (`../api/x`, `../../devices/y`). */
function importsDir(dirs, message) {
  return { regex: `^(?:\\.\\./)+(?:${dirs.join('|')})(?:/|$)`, message };
}

/** One layer's import boundary, with the Electron rule every layer outside main/electron shares. */
function layer(files, { ignores, paths = [], patterns = [], electronMessage = ELECTRON_MESSAGE }) {
  return {
    files: Array.isArray(files) ? files : [files],
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: electronMessage }, ...paths],
          patterns: [{ group: ['electron/*', 'electron-updater'], message: electronMessage }, ...patterns],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.stryker-tmp/**',
      'reports/**',
      '.cache/**',
    ],
  },
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
  // Layers, one rule per boundary (test/unit/lint-layers.test.ts proves each). A later entry replaces an
  // earlier one's no-restricted-imports for the files it matches, so every entry repeats the Electron rule.
  layer('main/**/*.ts', { ignores: ['main/electron/**'] }),
  layer('main/core/**/*.ts', {
    patterns: [
      importsDir(
        ['api', 'devices', 'app', 'host', 'electron'],
        'Core is the domain: it imports nothing of api, devices, app, host or electron.',
      ),
    ],
  }),
  layer(PURE_CORE_FILES, {
    paths: nodeBuiltins.map((name) => ({ name, message: PURE_MESSAGE })),
    patterns: [
      { regex: '^(?!zod$)[^.]', message: PURE_MESSAGE },
      { regex: `^\\.{1,2}/(?:[^/]*/)*(?!${PURE_NAME})[^/]+$`, message: PURE_MESSAGE },
    ],
  }),
  layer('main/devices/**/*.ts', {
    patterns: [
      importsDir(
        ['core', 'api', 'app', 'host', 'electron'],
        'Drivers know nothing of the domain: they hand a RawScan (main/devices/scan.ts) to whoever listens.',
      ),
    ],
  }),
  layer('main/api/**/*.ts', {
    patterns: [
      importsDir(
        ['devices', 'app', 'host', 'electron'],
        'The api binds calls to core; what it needs of the process (scanners) it receives as an interface.',
      ),
    ],
  }),
  layer(CONTRACT_FILES, {
    paths: nodeBuiltins.map((name) => ({ name, message: CONTRACT_MESSAGE })),
    patterns: [
      { regex: '^(?!zod$)[^.]', message: CONTRACT_MESSAGE },
      { regex: `(?:^|/)core/(?:[^/]*/)*(?!${PURE_NAME})[^/]+$`, message: CONTRACT_MESSAGE },
      { regex: '(?:^|/)(?:handlers|views|router|blocking-guard|event-bus)$', message: CONTRACT_MESSAGE },
      importsDir(['devices', 'app', 'host', 'electron'], CONTRACT_MESSAGE),
    ],
  }),
  layer('main/app/**/*.ts', {
    patterns: [
      importsDir(['host', 'electron'], 'main/app assembles the process; the transports (host, electron) use it, not the other way.'),
    ],
  }),
  // The renderer runs in a sandboxed page: no Node built-ins, no Electron, and of main only the contract.
  layer('renderer/**/*.{ts,vue}', {
    electronMessage: 'The renderer reaches main only through window.counter.',
    paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: ask main through the contract.' })),
    patterns: [
      { group: ['node:*'], message: 'The renderer has no Node: ask main through the contract.' },
      {
        regex: '(?:^|/)main/(?!api/(?:contract|client|errors|schemas|wire|call|[^/]+/(?:calls|schemas))$)',
        message:
          "The renderer may import only the contract: main/api/contract, client, errors, schemas and each feature's calls and schemas.",
      },
    ],
  }),
  // Last: Prettier owns the layout, so the stylistic rules that would fight it are off.
  eslintConfigPrettier,
);
