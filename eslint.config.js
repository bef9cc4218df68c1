// Lint: TypeScript rules, React hooks, no untranslated JSX text, and the layer boundaries of
// STYLE.md (renderer → shared ← electron; core and shared free of Electron, the DOM and SQL).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import i18next from 'eslint-plugin-i18next'
import globals from 'globals'

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'migrations/**',
      'test-results/**',
      '.reports/**',
      '.tmp/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['*.config.ts', '*.config.js', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      // We do not use the React Compiler, so its memoisation warnings do not apply.
      'react-hooks/incompatible-library': 'off',
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }],
      ...restrict([
        {
          group: ['electron', 'electron/*'],
          message: 'The renderer never imports Electron; use the IPC client.',
        },
        {
          group: ['**/electron/**', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
          message: 'The renderer talks to main only over IPC.',
        },
        { group: ['node:*'], message: 'The renderer runs in a sandboxed browser.' },
      ]),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      {
        group: ['electron', 'electron/*', '**/electron/**', '**/renderer/**'],
        message: 'shared/ depends on nothing but itself and zod.',
      },
      {
        group: ['react', 'react-*', '@mantine/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'node:*'],
        message: 'shared/ is runtime-neutral.',
      },
    ]),
  },
  {
    files: ['electron/main/core/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'Core logic is free of Electron.' },
      {
        group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '../db/*', '**/db/*'],
        message: 'Core logic is pure: no database.',
      },
      { group: ['**/renderer/**', 'react', '@mantine/*'], message: 'Core logic is free of the UI.' },
    ]),
  },
  {
    files: [
      'electron/main/db/**/*.ts',
      'electron/main/features/**/*.ts',
      'electron/main/ipc/**/*.ts',
      'electron/main/services.ts',
      'electron/dev/**/*.ts',
      'electron/cli/**/*.ts',
    ],
    rules: restrict([
      {
        group: ['electron', 'electron/*'],
        message:
          'Only the Electron shell (electron/main/index.ts) imports Electron; this code also runs in the harness.',
      },
      { group: ['**/renderer/**'], message: 'Main never imports the renderer.' },
    ]),
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
)
