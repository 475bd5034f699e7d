// One ESLint config for the whole tree (src, emulator, test, bench). Type-checked rules from
// typescript-eslint; formatting is Prettier's job (`prettier --check` in `npm run lint`), so no
// stylistic rule here fights it. Each file is type-checked with the tsconfig that builds it:
// Apps Script source (tsconfig.json), the browser sidebar (tsconfig.sidebar.json), and Node code:
// tests, emulator, dev server, bench (tsconfig.test.json). The first project that includes a file wins.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.workspace-data/**', 'bench-results/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.sidebar.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter an interface requires but this implementation does not use (the
      // emulator implements Apps Script signatures it ignores parts of); a rest sibling drops keys.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The layout's rules (docs/ARCHITECTURE.md): the domain is pure and owns its vocabulary, so it
    // imports neither the adapters, the use cases, nor the wire types.
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/workspace/**', '**/app/**', '**/index'], message: 'src/domain is pure: adapters and use cases call it, never the reverse.' },
            {
              group: ['**/shared/wire'],
              message: 'The domain owns its vocabulary; src/shared/wire.ts re-exports or maps it (see src/app/review/wireState.ts).',
            },
            { group: ['**/sidebar/**', '**/webapp/**'], message: 'Browser code is not part of the domain.' },
          ],
        },
      ],
    },
  },
  {
    // Browser clients share code with the server only through src/shared (wire types and
    // clientRules.ts); types may come from anywhere (they vanish at build time).
    files: ['src/sidebar/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/webapp/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/**', '**/app/**', '**/workspace/**'],
              allowTypeImports: true,
              message: 'Browser clients import server code only through src/shared (clientRules.ts for shared rules).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // jest's asymmetric matchers (expect.any(Number), expect.stringMatching(...), ...) are typed
      // `any` by @types/jest, so every `toEqual({ id: expect.any(String) })` would be reported.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // The plain JS/ESM config files at the root run in Node; they are not part of any tsconfig.
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: 'module',
      globals: { module: 'writable', require: 'readonly', process: 'readonly', console: 'readonly' },
    },
  },
  {
    // Apps Script projects the emulator tests run as-is: scripts whose top-level functions are
    // entry points called by name (so "unused"), using the Apps Script globals.
    files: ['test/**/fixtures/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        [
          'SpreadsheetApp',
          'FormApp',
          'ScriptApp',
          'MailApp',
          'LockService',
          'PropertiesService',
          'CacheService',
          'Session',
          'Utilities',
          'CalendarApp',
          'HtmlService',
          'Logger',
        ].map((g) => [g, 'readonly']),
      ),
    },
    rules: { 'no-unused-vars': ['error', { vars: 'local' }] },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
