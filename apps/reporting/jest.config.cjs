module.exports = {
  displayName: 'reporting',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/reporting',
  globalSetup: '<rootDir>/../../libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/global-teardown.ts',
};
