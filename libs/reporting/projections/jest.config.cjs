module.exports = {
  displayName: 'reporting-projections',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/reporting/projections',
};
