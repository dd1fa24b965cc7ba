// ESLint: the recommended rules of ESLint and typescript-eslint, over the product and its tests.
// Formatting is Prettier's (.prettierrc.json), so no stylistic rule is switched on here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'node_modules/**',
      'bench/.tools/**',
      'test/vscode/workspace/**',
      '.vscode-test/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are type errors already (tsconfig's noUnusedLocals); `_` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // The bundles are CommonJS: the CLI loads its engine bundle and tests load built files with require.
      '@typescript-eslint/no-require-imports': 'off',
      // `x!` is how the code says "present by construction"; strict mode makes the alternative noisier.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Decoding detects binary files and tests write control characters on purpose.
      'no-control-regex': 'off',
      // Chinese text is full of ideographic spaces (U+3000), in strings, templates and patterns alike.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true },
      ],
    },
  },
  {
    // Tests read JSON reports as untyped data.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Code the end-to-end tests run inside the browser page of the workbench.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: {
      globals: { document: 'readonly', getComputedStyle: 'readonly', window: 'readonly', AbortSignal: 'readonly' },
    },
  },
  {
    // Build scripts, benchmarks and end-to-end tests run in Node as plain modules.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
  },
);
