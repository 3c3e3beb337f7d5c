module.exports = {
  displayName: 'thai-areas',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/thai-areas',
};
