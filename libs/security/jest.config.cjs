module.exports = {
  displayName: 'security',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/security',
  globalSetup: '<rootDir>/../testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../testing/src/global-teardown.ts',
};
