module.exports = {
  displayName: 'dashboard',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/dashboard',
  // The browser spec (src/browser) runs the services against the run's Kafka and database.
  globalSetup: '<rootDir>/../../libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/global-teardown.ts',
  // The page's modules import each other as the browser loads them, by their compiled `.js` names.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
