module.exports = {
  displayName: 'demo-province',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/demo-province',
  globalSetup: '<rootDir>/../../libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/global-teardown.ts',
};
