const nxPreset = require('@nx/jest/preset').default;

// @swc/jest keeps decorator metadata so Nest can resolve constructor dependencies (see README).
module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  // The root config's safety net, for a run of one project (`nx test <project>`), whose config is then the global one.
  testTimeout: require('./jest.config.cjs').testTimeout,
  moduleFileExtensions: ['ts', 'js', 'json'],
  // jose 6 ships only ES modules: jest (CommonJS here) must compile it; Node 20.19+ loads it natively at run time.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
};
