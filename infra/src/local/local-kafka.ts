import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InfraConfig } from '../config';
import { kafkaAnswers } from '../health';
import type { PidRecord } from '../pid-file';
import { assertPortFree } from '../ports';
import { JAVA_HINT, javaTool, runCommand } from '../run-command';
import type { InfraLog, KafkaHandle } from '../types';
import { launchJavaServer, stopJavaServer } from './java-server';
import { BROKER_LOG4J2, TOOLS_LOG4J2, serverProperties } from './kafka-files';
import { takeOverLeftover } from './leftover';

const READY_TIMEOUT_MS = 60_000;
const JVM_OPTIONS = ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', '-Djava.awt.headless=true'];

export interface LocalKafkaOptions {
  config: InfraConfig;
  libsDir: string;
  /** the folder for this broker's config and data: persistent for the platform, a run folder for tests */
  dataDir: string;
  detached: boolean;
  log: InfraLog;
}

export async function startLocalKafka(options: LocalKafkaOptions): Promise<KafkaHandle> {
  const { config, libsDir, log } = options;
  const kafkaDir = join(options.dataDir, 'kafka');
  const files = {
    properties: join(kafkaDir, 'server.properties'),
    brokerLog4j: join(kafkaDir, 'log4j2.properties'),
    toolsLog4j: join(kafkaDir, 'tools-log4j2.properties'),
    data: join(kafkaDir, 'data'),
  };
  const pidFile = join(config.runDir, 'kafka.pid');
  const logFile = join(config.logDir, 'kafka.log');
  const address = `127.0.0.1:${config.ports.kafka}`;
  const markers = ['kafka.Kafka', files.properties];
  const brokers = [address];

  let current = await takeOverLeftover({
    name: 'kafka',
    pidFile,
    reusable: config.profile === 'platform',
    markers,
    address,
    answers: (broker) => kafkaAnswers([broker]),
    log,
  });
  const owned = current === undefined;

  const launch = async (truncateLog: boolean): Promise<PidRecord> => {
    await assertPortFree(config.ports.kafka, 'Kafka', 'KHU_KAFKA_PORT');
    await assertPortFree(config.ports.kafkaController, 'Kafka controller', 'KHU_KAFKA_CONTROLLER_PORT');
    return launchJavaServer(
      {
        name: 'kafka',
        label: 'Kafka',
        answers: () => kafkaAnswers(brokers),
        timeoutMs: READY_TIMEOUT_MS,
        javaArgs: [
          ...JVM_OPTIONS,
          `-Dlog4j2.configurationFile=${files.brokerLog4j}`,
          '-cp',
          join(libsDir, '*'),
          'kafka.Kafka',
          files.properties,
        ],
        markers,
        address,
        logFile,
        pidFile,
        dataDir: kafkaDir,
        detached: options.detached,
        truncateLog,
        env: config.env,
      },
      log,
    );
  };

  if (!current) {
    await mkdir(files.data, { recursive: true });
    await writeFile(files.properties, serverProperties(config.ports, files.data));
    await writeFile(files.brokerLog4j, BROKER_LOG4J2);
    await writeFile(files.toolsLog4j, TOOLS_LOG4J2);
    await formatStorage(libsDir, files, config.env, log);
    current = await launch(config.profile === 'test');
  }

  return {
    brokers,
    stop: async () => {
      if (owned && current) await stopJavaServer(current, pidFile);
      current = undefined;
    },
    pause: async () => {
      if (current) await stopJavaServer(current, pidFile);
      current = undefined;
    },
    resume: async () => {
      if (!current) current = await launch(false);
    },
  };
}

/** KRaft refuses to start on an unformatted log dir; a formatted one (meta.properties) is left as it is. */
async function formatStorage(
  libsDir: string,
  files: { properties: string; toolsLog4j: string; data: string },
  env: NodeJS.ProcessEnv,
  log: InfraLog,
): Promise<void> {
  if (existsSync(join(files.data, 'meta.properties'))) return;
  const started = Date.now();
  const tool = (args: string[]) =>
    runCommand(
      javaTool(env, 'java'),
      [`-Dlog4j2.configurationFile=${files.toolsLog4j}`, '-cp', join(libsDir, '*'), 'kafka.tools.StorageTool', ...args],
      { env, installHint: JAVA_HINT },
    );
  const clusterId = (await tool(['random-uuid'])).stdout.trim();
  if (!/^[A-Za-z0-9_-]{22}$/.test(clusterId)) {
    throw new Error(`kafka.tools.StorageTool random-uuid printed no cluster id but:\n${clusterId}`);
  }
  await tool(['format', '-t', clusterId, '-c', files.properties, '--ignore-formatted']);
  log(`kafka: formatted storage ${files.data} (cluster ${clusterId}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
