// Flat config shared by every package and app in the monorepo.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/.data/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@kota-kit/*/src/*', '**/packages/*/src/*'],
              message: 'Import another package only through its public exports (and modules only through @kota-kit/core).',
            },
          ],
        },
      ],
    },
  },
  {
    // A module depends on @kota-kit/core only, never on another module (architecture: one contract for all).
    files: ['packages/*/src/**', 'packages/*/test/**'],
    ignores: ['packages/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@kota-kit/*', '!@kota-kit/core', '!@kota-kit/core/*'], message: 'A module imports only @kota-kit/core, never another module.' },
            { group: ['@kota-kit/*/src/*', '**/packages/*/src/*'], message: 'Import another package only through its public exports.' },
          ],
        },
      ],
    },
  },
);
