module.exports = {
  displayName: 'infra',
  preset: '../jest.preset.js',
  coverageDirectory: '../coverage/infra',
  // Real Kafka and MongoDB servers: JVM start-up dominates, not the assertions.
  testTimeout: 120_000,
};
