module.exports = {
  displayName: 'pairings-domain',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/pairings/domain',
};
