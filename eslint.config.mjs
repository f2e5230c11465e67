import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '**/dist/', 'data/', 'coverage/', 'test/artifacts/', 'cloudfunctions/*/index.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly', performance: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // shared/ is the pure domain: no clock, no environment, no I/O.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'shared/ takes time as an argument (no new Date()).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'shared/ takes time as an argument (no Date.now()).' },
        { selector: "MemberExpression[object.name='process']", message: 'shared/ reads no environment.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'shared/ takes ids and randomness as arguments.' },
      ],
    },
  },
);
