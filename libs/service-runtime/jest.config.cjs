module.exports = {
  displayName: 'service-runtime',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/service-runtime',
  globalSetup: '<rootDir>/../testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../testing/src/global-teardown.ts',
};
