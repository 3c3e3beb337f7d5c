import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { Kafka, logLevel } from 'kafkajs';
import { TopicNames } from '@khu-siao/contracts';
import { createLogger, type Logger } from '@khu-siao/observability';
import { requiredTestEnv, testEnv } from './test-env';
import { testSecurityEnv } from './test-security-env';

export interface TestContext {
  /** Unique to this test file: its database name and topic namespace. */
  readonly namespace: string;
  readonly mongoUrl: string;
  readonly kafkaBrokers: string[];
  readonly client: MongoClient;
  readonly db: Db;
  readonly topics: TopicNames;
  readonly kafka: Kafka;
  readonly logger: Logger;
  /** The sign-in and key settings every service of this file runs with (`AUTH_*`, `SECURITY_*`). */
  readonly securityEnv: Readonly<Record<string, string>>;
  /** Another database of the same server, also dropped at the end. */
  database(suffix: string): Db;
  close(): Promise<void>;
}

/** Call in `beforeAll`: the run's servers, with a database and topic names of this file's own. */
export async function createTestContext(label: string): Promise<TestContext> {
  const namespace = `t${requiredTestEnv(testEnv.runId)}${randomBytes(3).toString('hex')}`;
  const mongoUrl = requiredTestEnv(testEnv.mongoUrl);
  const kafkaBrokers = requiredTestEnv(testEnv.kafkaBrokers).split(',');
  const client = await new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 10_000 }).connect();
  // Asked for a level, the lines go to standard output; otherwise (info and up) to the run's scanned log folder.
  const logDir = process.env[testEnv.logDir];
  const logger = process.env['KHU_TEST_LOG_LEVEL'] || !logDir
    ? createLogger({ service: `test-${label}`, level: process.env['KHU_TEST_LOG_LEVEL'] ?? 'error' })
    : createLogger({ service: `test-${label}`, level: 'info', destination: createWriteStream(join(logDir, `test-${label}-${process.pid}-${Date.now().toString(36)}.log`), { flags: 'a' }) });
  const databases = new Set<string>();
  const database = (suffix: string) => {
    const name = `${namespace}_${suffix}`.slice(0, 60);
    databases.add(name);
    return client.db(name);
  };
  const securityEnv = testSecurityEnv(database('security').databaseName);
  return {
    namespace,
    securityEnv,
    mongoUrl,
    kafkaBrokers,
    client,
    db: database(label),
    topics: new TopicNames(namespace),
    kafka: new Kafka({ brokers: kafkaBrokers, clientId: `test-${label}`, logLevel: process.env['KHU_TEST_LOG_LEVEL'] ? logLevel.WARN : logLevel.NOTHING }),
    logger,
    database,
    close: async () => {
      for (const name of databases) await client.db(name).dropDatabase();
      await client.close();
    },
  };
}
