// Lint, including the layer rule of DESIGN.md: dependencies point inward only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'preview/**', 'miniprogram/miniprogram_npm/**', 'bench/results.*', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  layer(
    ['cloudfunctions/core/domain/**'],
    ['**/app/**', '**/ports/**', '**/adapters/**', '**/runtime/**', 'better-sqlite3', '@cloudbase/*', 'node:*', 'fs', 'crypto'],
    'domain is pure: no I/O, no outer layers',
  ),
  layer(['cloudfunctions/core/ports/**'], ['**/app/**', '**/adapters/**', '**/runtime/**'], 'ports depend on nothing outer'),
  layer(
    ['cloudfunctions/core/app/**'],
    ['**/adapters/**', '**/runtime/**', 'better-sqlite3', '@cloudbase/*'],
    'use cases depend on ports only',
  ),
  {
    // defineAction types the caller by access (ContextFor<A>): an action asserts nothing about it.
    files: ['cloudfunctions/core/app/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSNonNullExpression > MemberExpression[object.name='ctx'][property.name=/^(user|callerId|openid)$/]",
          message: "ctx.user / callerId / openid are typed by the action's access (ContextFor<A>): no `!`",
        },
        {
          selector: "TSAsExpression > MemberExpression.expression[object.name='ctx'][property.name=/^(user|callerId|openid)$/]",
          message: "ctx.user / callerId / openid are typed by the action's access (ContextFor<A>): no cast",
        },
      ],
    },
  },
  layer(
    ['miniprogram/**'],
    ['**/cloudfunctions/**/adapters/**', '**/cloudfunctions/**/runtime/**', 'better-sqlite3', '@cloudbase/*'],
    'the client ships no server code',
  ),
  {
    // zod/mini, imported as a namespace, so esbuild keeps only the builders a bundle uses (≈ 30 KB
    // against ≈ 200 KB for classic zod, whose schemas carry every method): see bench/README.md.
    files: ['cloudfunctions/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'][importKind='value']",
          message: "schemas use zod/mini (`import * as z from 'zod/mini'`): a cold start compiles all of classic zod",
        },
        {
          selector:
            "ImportDeclaration[source.value='zod/mini'][importKind='value'] > :matches(ImportDefaultSpecifier, ImportSpecifier[imported.name='z'])",
          message: "`import * as z from 'zod/mini'`: the `z` object keeps every builder in the bundle",
        },
      ],
    },
  },
  {
    // Only types cross from the server into the client (DESIGN.md): a value import would bundle server code.
    files: ['miniprogram/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cloudfunctions/**'],
              allowTypeImports: true,
              message: 'the mini-program imports only types from cloudfunctions/ (use `import type`)',
            },
          ],
        },
      ],
    },
  },
);
