module.exports = {
  displayName: 'welfare-payments',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/welfare-payments',
  globalSetup: '<rootDir>/../../libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/global-teardown.ts',
};
