import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { InfraConfig } from '../config';
import { keepOnExit, removeOnExit } from '../exit-guard';
import { isAlive } from '../processes';
import { provisionKafka, provisionMongo } from '../provision';
import type { InfraLog, KafkaHandle, MongoHandle } from '../types';
import type { ServerProvider } from '../server-provider';
import { stopRecordedServers } from './leftover';
import { startLocalKafka } from './local-kafka';
import { startLocalMongo } from './local-mongo';

const RUN_FOLDER = /^run-(\d+)-[0-9a-f]+$/;

/**
 * Java servers provisioned from Maven Central. The platform profile keeps its data and runs detached; the test
 * profile runs in a fresh folder that is removed on stop, and its servers die with this Node process.
 */
export async function localServers(config: InfraConfig, log: InfraLog): Promise<ServerProvider> {
  const detached = config.profile === 'platform';
  let dataDir = config.dataDir;
  if (config.profile === 'test') {
    // Servers of a killed test run still hold the ports and their run folders: stop them before removing those.
    await stopRecordedServers(config.runDir, log, true);
    removeAbandonedRuns(config.dataDir, log);
    dataDir = join(config.dataDir, `run-${process.pid}-${randomBytes(4).toString('hex')}`);
    removeOnExit(dataDir);
  }
  await mkdir(dataDir, { recursive: true });
  // Kafka and Mongo start in parallel, but two Maven runs must not write to ~/.m2 at the same time.
  let provisioning: Promise<unknown> = Promise.resolve();
  const serially = <T>(step: () => Promise<T>): Promise<T> => {
    const next = provisioning.then(step, step);
    provisioning = next.catch(() => undefined);
    return next;
  };

  return {
    source: 'local',
    async startKafka(): Promise<KafkaHandle> {
      const { libsDir } = await serially(() => provisionKafka(config.cacheDir, config.env, log));
      return startLocalKafka({ config, libsDir, dataDir, detached, log });
    },
    async startMongo(): Promise<MongoHandle> {
      const provisioned = await serially(() => provisionMongo(config.cacheDir, config.env, log));
      return startLocalMongo({ config, provisioned, dataDir, detached, log });
    },
    async release(): Promise<void> {
      if (config.profile !== 'test') return;
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
      keepOnExit(dataDir);
    },
  };
}

/** Run folders of test runs whose Node process is gone (killed before it could clean up). */
export function removeAbandonedRuns(testDataDir: string, log: InfraLog): void {
  if (!existsSync(testDataDir)) return;
  for (const entry of readdirSync(testDataDir)) {
    const match = RUN_FOLDER.exec(entry);
    if (match && !isAlive(Number(match[1]))) {
      log(`removing the data of an abandoned test run: ${entry}`);
      rmSync(join(testDataDir, entry), { recursive: true, force: true });
    }
  }
}
