// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Import direction (see README "Architecture"):
 *   contract  → zod/mini only
 *   mock-server → contract, hono, zod, node builtins, better-sqlite3, ajv
 *   lib, api, components, hooks → contract and each other, never features, app or routes
 *   features/<x> → shared folders and itself, never another feature
 *   app, routes → anything in src
 */
const features = readdirSync('src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const restrict = (files, patterns, ignores = []) => ({ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'src/routeTree.gen.ts', '.data', '.e2e-dist', '.vitest'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  restrict(['src/contract/**'], [{ regex: '^(?!zod/mini$|\\./)', message: 'The contract imports only zod/mini (and itself).' }], ['src/contract/**/*.test.ts']),
  // The mock: its own folders (core and one per domain, siblings), the contract, hono, zod, node builtins and the database driver.
  restrict(
    ['mock-server/**'],
    [
      {
        regex: '^(?!(zod|hono|@hono/node-server|better-sqlite3|ajv)(/|$)|node:|\\./|\\.\\./(?!\\.\\./)|\\.\\./\\.\\./src/contract/)',
        message: 'The mock server imports only the contract, hono, zod, node builtins, better-sqlite3 and ajv.',
      },
    ],
    ['mock-server/**/*.test.ts', 'mock-server/core/test-helpers.ts'],
  ),
  restrict(
    ['src/{lib,api,components,hooks}/**'],
    [{ regex: '^(@/|(\\.\\./)+)(features|app|routes)(/|$)', message: 'Shared code must not import features, the app or routes.' }],
  ),
  ...features.flatMap((feature) => [
    restrict(
      [`src/features/${feature}/*.{ts,tsx}`],
      [
        { regex: `^@/features/(?!${feature}/)`, message: 'Features do not import each other; move shared code to src/lib, src/api or src/components.' },
        { regex: '^\\.\\./', message: 'Leave the feature folder through @/ so the boundary stays visible.' },
      ],
    ),
    restrict(
      [`src/features/${feature}/*/**/*.{ts,tsx}`],
      [
        { regex: `^@/features/(?!${feature}/)`, message: 'Features do not import each other; move shared code to src/lib, src/api or src/components.' },
        { regex: '^\\.\\./\\.\\./', message: 'Leave the feature folder through @/ so the boundary stays visible.' },
      ],
    ),
  ]),
  {
    files: ['e2e/**', 'scripts/**', 'mock-server/**'],
    rules: { 'no-console': 'off' },
  },
);
