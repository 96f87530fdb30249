// ESLint (`npm run lint`, part of `npm test`): typescript-eslint's type-aware recommended rules over
// the server and the console, React's hooks rules over the console, and unused code as an error.
// Every file is checked against the tsconfig that builds it (the project service finds the nearest
// one: tsconfig.json for the server, src/web/tsconfig.json for the console).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/**', 'coverage/**', 'data/**']),
  {
    // A disable comment that no longer silences anything is itself a finding.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Fastify runs a hook or a plugin without a `done` callback only when it is an async
      // function, so an async hook or plugin that awaits nothing is the documented form, not a
      // mistake. The mistake this rule is after, a promise not awaited, is no-floating-promises'.
      '@typescript-eslint/require-await': 'off',
      // The database type `DB` is one interface that core declares empty and each module's
      // *.tables.ts extends by declaration merging (core knows no module); only that name may be empty.
      '@typescript-eslint/no-empty-object-type': ['error', { allowWithName: '^DB$' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // React ignores what an event handler returns. The console's async handlers (form submits,
      // confirm dialogs, retries) catch their own errors and show them, so the promise they
      // return carries nothing to handle; promises passed anywhere else are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests read the API's answers as parsed JSON (`any`: the harness's response bodies, fetch's
    // json(), SSE chunks) and check them with expect(), which is where their shape is asserted;
    // typing each body would restate the response schemas the tests exist to verify. Tests also
    // send deliberately ill-typed input. Every other rule, no-floating-promises included, applies.
    files: ['src/**/__tests__/**', 'src/test/**', 'test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The two JavaScript config files are in no tsconfig: the plain rules, without type information.
    files: ['**/*.{js,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
