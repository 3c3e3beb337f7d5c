module.exports = {
  displayName: 'welfare-payments-domain',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/welfare-payments/domain',
};
