module.exports = {
  displayName: 'households-domain',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/households/domain',
};
