module.exports = {
  displayName: 'event-store',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/event-store',
  globalSetup: '<rootDir>/../testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../testing/src/global-teardown.ts',
};
