module.exports = {
  displayName: 'households',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/households',
  globalSetup: '<rootDir>/../../libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/global-teardown.ts',
};
