// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Import direction (see README "Architecture"):
 *   contract    → zod/mini only
 *   mock-server → contract, hono, zod, node builtins, better-sqlite3, ajv
 *   mock-server/core → the same, and never a domain folder (the root, platform.ts, composes the domains)
 *   lib         → contract and lib: app-wide logic with no domain UI
 *   ui          → lib and ui: primitives that know no domain
 *   data        → contract, lib and data (any domain's keys and fetchers)
 *   features/<x> → contract, lib, ui, data and itself, never another feature
 *   app, routes → anything in src
 */
const features = readdirSync('src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const restrict = (files, patterns, ignores = [], paths = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
});

/** Routes hand features their params and search as props (src/lib/route-props.ts): features never read the router. */
const routerReads = [
  {
    name: '@tanstack/react-router',
    importNames: ['useParams', 'useSearch', 'getRouteApi', 'useMatch', 'useLoaderData'],
    message: 'Features get params and search as props from their route (WorkspaceProps, ServiceProps, SearchProps).',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'src/routeTree.gen.ts', '.data', '.e2e-dist', '.vitest'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
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
  restrict(
    ['src/contract/**'],
    [{ regex: '^(?!zod/mini$|\\./)', message: 'The contract imports only zod/mini (and itself).' }],
    ['src/contract/**/*.test.ts', 'src/contract/pattern-rules.ts'],
  ),
  // The pattern rule reads patterns with ESLint's own regular-expression parser, and loads only with the endpoint editor.
  restrict(
    ['src/contract/pattern-rules.ts'],
    [
      {
        regex: '^(?!zod/mini$|@eslint-community/regexpp$|\\./)',
        message: 'The pattern rule imports only zod/mini, regexpp and the contract.',
      },
    ],
  ),
  // The mock: its own folders (core and one per domain, siblings), the contract, hono, zod, node builtins and the database driver.
  restrict(
    ['mock-server/**'],
    [
      {
        regex: '^(?!(zod|hono|@hono/node-server|better-sqlite3|ajv)(/|$)|node:|\\./|\\.\\./(?!\\.\\./)|\\.\\./\\.\\./src/contract/)',
        message: 'The mock server imports only the contract, hono, zod, node builtins, better-sqlite3 and ajv.',
      },
    ],
    ['mock-server/**/*.test.ts', 'mock-server/test-helpers.ts', 'mock-server/core/**'],
  ),
  // Core knows no domain: the domains plug into it (core/domain.ts) and the composition root (mock-server/platform.ts)
  // lists them. Core's own tests reach the composed platform through the root and the shared test helpers
  // (mock-server/platform.ts, mock-server/test-helpers.ts), never a domain folder.
  restrict(
    ['mock-server/core/**'],
    [
      {
        regex: '^(?!(zod|hono|@hono/node-server|better-sqlite3|ajv)(/|$)|node:|\\./|\\.\\./\\.\\./src/contract/)',
        message:
          'Core imports only itself, the contract, hono, zod, node builtins, better-sqlite3 and ajv: never a domain (a domain plugs in through its domain.ts, listed in mock-server/platform.ts).',
      },
    ],
    ['mock-server/core/**/*.test.ts'],
  ),
  restrict(
    ['mock-server/core/**/*.test.ts'],
    [
      {
        regex: '^\\.\\./(?!\\.\\./|platform$|test-helpers$)',
        message:
          "Core's tests reach domains only through the composed platform (../platform) and the shared test helpers (../test-helpers).",
      },
    ],
  ),
  restrict(
    ['src/lib/**'],
    [
      {
        regex: '^(@/|(\\.\\./)+)(ui|data|features|app|routes)(/|$)',
        message: 'lib holds app-wide logic: it imports only the contract and lib.',
      },
    ],
  ),
  restrict(
    ['src/ui/**'],
    [
      {
        regex: '^(@/|(\\.\\./)+)(contract|data|features|app|routes)(/|$)',
        message: 'ui holds domain-free primitives: it imports only lib and ui.',
      },
    ],
  ),
  restrict(
    ['src/data/**'],
    [{ regex: '^(@/|(\\.\\./)+)(ui|features|app|routes)(/|$)', message: 'data imports only the contract, lib and data.' }],
  ),
  ...features.flatMap((feature) => [
    restrict(
      [`src/features/${feature}/*.{ts,tsx}`],
      [
        {
          regex: `^@/features/(?!${feature}/)`,
          message: 'Features do not import each other; move shared code to src/data, src/lib or src/ui.',
        },
        { regex: '^\\.\\./', message: 'Leave the feature folder through @/ so the boundary stays visible.' },
      ],
      [],
      routerReads,
    ),
    restrict(
      [`src/features/${feature}/*/**/*.{ts,tsx}`],
      [
        {
          regex: `^@/features/(?!${feature}/)`,
          message: 'Features do not import each other; move shared code to src/data, src/lib or src/ui.',
        },
        { regex: '^\\.\\./\\.\\./', message: 'Leave the feature folder through @/ so the boundary stays visible.' },
      ],
      [],
      routerReads,
    ),
  ]),
  {
    files: ['e2e/**', 'scripts/**', 'mock-server/**'],
    rules: { 'no-console': 'off' },
  },
);
