// Lint: typescript-eslint's recommended rules plus the project's architecture rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render raw HTML.' },
      ],
    },
  },
  {
    // Plain JavaScript build scripts run in Node.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  {
    files: ['db/**', 'renderer/**', 'electron/shared/**', 'electron/services/**', 'electron/documents/**'],
    rules: { 'no-restricted-imports': ['error', { paths: electronOnlyInShell }] },
  },
  {
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronOnlyInShell, patterns: [{ group: ['node:*'], message: 'electron/shared is pure: no Node modules.' }] },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronOnlyInShell,
          patterns: [
            { group: ['**/db/**', '**/electron/services/**', '**/electron/documents/**', 'node:*'], message: 'The renderer talks to data only through the contract.' },
          ],
        },
      ],
    },
  },
);
