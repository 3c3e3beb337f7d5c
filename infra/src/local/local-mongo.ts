import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { InfraConfig } from '../config';
import { mongoAnswers } from '../health';
import { assertPortFree } from '../ports';
import type { ProvisionedMongo } from '../provision';
import type { InfraLog, MongoHandle } from '../types';
import { launchJavaServer, stopJavaServer } from './java-server';
import { takeOverLeftover } from './leftover';

const READY_TIMEOUT_MS = 30_000;
// A server that ran out of heap would answer nothing useful; better to die and show up in the health checks.
// G1, not the throughput collector: the memory backend keeps every database in the heap, and ParallelGC's full
// collections of it paused the append bench's baseline for up to 0.5 s, for a relay-bench gain within the noise
// (mean ratio 0.32 against 0.31 with G1 over 5-6 runs of 30,000 events).
const JVM_OPTIONS = ['-Xmx2g', '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', '-Djava.awt.headless=true'];

export interface LocalMongoOptions {
  config: InfraConfig;
  provisioned: ProvisionedMongo;
  /** the platform keeps an H2 file here; the test profile runs the memory backend */
  dataDir: string;
  detached: boolean;
  log: InfraLog;
}

export function localMongoUrl(port: number): string {
  return `mongodb://127.0.0.1:${port}`;
}

export async function startLocalMongo(options: LocalMongoOptions): Promise<MongoHandle> {
  const { config, provisioned, log } = options;
  const mongoDir = join(options.dataDir, 'mongo');
  const pidFile = join(config.runDir, 'mongo.pid');
  const logFile = join(config.logDir, 'mongo.log');
  const address = `127.0.0.1:${config.ports.mongo}`;
  const url = localMongoUrl(config.ports.mongo);
  const backendArgs =
    config.profile === 'platform' ? ['--backend', 'h2', '--file', join(mongoDir, 'khu.mv')] : ['--backend', 'memory'];
  const launcherArgs = ['--host', '127.0.0.1', '--port', String(config.ports.mongo), ...backendArgs];
  const markers = [provisioned.mainClass, launcherArgs.join(' ')];

  let current = await takeOverLeftover({
    name: 'mongo',
    pidFile,
    reusable: config.profile === 'platform',
    markers,
    address,
    answers: (reusedAddress) => mongoAnswers(`mongodb://${reusedAddress}`),
    log,
  });
  const owned = current === undefined;

  if (!current) {
    await assertPortFree(config.ports.mongo, 'MongoDB', 'KHU_MONGO_PORT');
    await mkdir(mongoDir, { recursive: true });
    const classPath = [provisioned.classesDir, join(provisioned.libsDir, '*')].join(':');
    current = await launchJavaServer(
      {
        name: 'mongo',
        label: 'MongoDB',
        answers: () => mongoAnswers(url),
        timeoutMs: READY_TIMEOUT_MS,
        javaArgs: [...JVM_OPTIONS, '-cp', classPath, provisioned.mainClass, ...launcherArgs],
        markers,
        address,
        logFile,
        pidFile,
        dataDir: mongoDir,
        detached: options.detached,
        truncateLog: config.profile === 'test',
        env: config.env,
      },
      log,
    );
  }

  const running = current;
  return {
    url,
    stop: async () => {
      if (owned) await stopJavaServer(running, pidFile);
    },
  };
}
