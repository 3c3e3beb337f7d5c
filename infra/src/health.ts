import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './processes';

/** True when a kafkajs admin can list the topics; never retries, so a down broker answers false quickly. */
export async function kafkaAnswers(brokers: string[]): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'khu-infra-health',
    brokers,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function mongoAnswers(url: string): Promise<boolean> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close(true).catch(() => undefined);
  }
}

export interface HealthWait {
  name: string;
  check: () => Promise<boolean>;
  timeoutMs: number;
  /** where to look for the reason, e.g. the log file and its last lines */
  diagnose: () => string;
  /** the local process that must stay alive meanwhile; its early death fails the wait at once */
  pid?: number;
}

export async function waitUntilHealthy(wait: HealthWait): Promise<void> {
  const deadline = Date.now() + wait.timeoutMs;
  for (;;) {
    if (wait.pid !== undefined && !isAlive(wait.pid)) {
      throw new Error(`${wait.name} exited during startup; ${wait.diagnose()}`);
    }
    if (await wait.check()) {
      // A server that answers while our process is gone is someone else's on the same port.
      if (wait.pid !== undefined && !isAlive(wait.pid)) continue;
      return;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${wait.name} did not become healthy within ${wait.timeoutMs / 1000} s; ${wait.diagnose()}`);
    }
    await sleep(250);
  }
}
