/** Environment variables the global setup hands to every test file. */
export const testEnv = {
  kafkaBrokers: 'KHU_TEST_KAFKA_BROKERS',
  mongoUrl: 'KHU_TEST_MONGO_URL',
  control: 'KHU_TEST_INFRA_CONTROL',
  runId: 'KHU_TEST_RUN_ID',
  /** Where every service a test starts writes its log lines (scanned for personal data at the end of the run). */
  logDir: 'KHU_TEST_LOG_DIR',
} as const;

export function requiredTestEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest so that its global setup starts the servers`);
  return value;
}
