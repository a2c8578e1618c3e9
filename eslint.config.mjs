// Lint rules for the whole code base (npm test runs them): ESLint's and typescript-eslint's
// recommended rules, lines of at most 120 characters; formatting is Prettier's
// (.prettierrc.json), so no lint rule argues with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'data/', 'coverage/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      // Sentences in three languages are kept whole in their strings, where they can be searched for.
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Code that runs in the browser as plain scripts (no build step).
    files: ['server/**/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      // SurveyJS's bundles and our modules are loaded by <script> tags, in this order (pages.ts);
      // module/require only exist when Node's unit tests load the same files.
      globals: {
        ...globals.browser,
        Survey: 'readonly',
        SurveyUI: 'readonly',
        CapgapDraftMerge: 'readonly',
        CapgapDraftSync: 'readonly',
        CapgapOrientation: 'readonly',
        CapgapPartnerships: 'readonly',
        CapgapProblemCodes: 'readonly',
        SwaggerUIBundle: 'readonly',
        module: 'readonly',
        require: 'readonly',
      },
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
