import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Test helpers stay test-only: no file of the service imports them.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', 'src/testing-support/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/testing-support/*'], message: 'testing-support is for specs only' }] }],
    },
  },
];
