module.exports = {
  displayName: 'pairings',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/pairings',
  globalSetup: '<rootDir>/../../libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/global-teardown.ts',
};
