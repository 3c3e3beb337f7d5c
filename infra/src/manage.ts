import { join } from 'node:path';
import { type ConfigOptions, readInfraConfig } from './config';
import { ComposeServers } from './docker/compose';
import { kafkaAnswers, mongoAnswers } from './health';
import { stopRecordedServers } from './local/leftover';
import { removeAbandonedRuns } from './local/local-servers';
import { liveRecord } from './pid-file';
import type { EndpointSource, InfraLog } from './types';

export type ServerName = 'kafka' | 'mongo';

export interface ServerStatus {
  name: ServerName;
  /** where the server comes from; 'unknown' when something answers on the port that this package did not start */
  source: EndpointSource | 'unknown' | 'none';
  address: string;
  healthy: boolean;
  pid?: number;
  logFile: string;
}

/** What runs for a profile, whoever started it (for the CLI's status). */
export async function infraStatus(options: ConfigOptions): Promise<ServerStatus[]> {
  const config = readInfraConfig(options);
  const compose = new ComposeServers(config, () => undefined);
  const composed = compose.recorded();
  const check = async (name: ServerName, external: string | undefined, local: string): Promise<ServerStatus> => {
    const logFile = join(config.logDir, `${name}.log`);
    const answers = (address: string) =>
      name === 'kafka'
        ? kafkaAnswers(address.split(','))
        : mongoAnswers(address.includes('://') ? address : `mongodb://${address}`);
    if (external) return { name, source: 'environment', address: external, healthy: await answers(external), logFile };
    const record = liveRecord(join(config.runDir, `${name}.pid`));
    const address = record?.address ?? local;
    const healthy = await answers(address);
    const source = record ? 'local' : composed.includes(name) ? 'docker' : healthy ? 'unknown' : 'none';
    return { name, source, address, healthy, pid: record?.pid, logFile };
  };
  return Promise.all([
    check('kafka', config.external.kafkaBrokers?.join(','), `127.0.0.1:${config.ports.kafka}`),
    check('mongo', config.external.mongoUrl, `127.0.0.1:${config.ports.mongo}`),
  ]);
}

/** Stops the servers a profile's earlier run started (detached or left behind), through their pid files. */
export async function stopInfraProcesses(options: ConfigOptions & { log?: InfraLog }): Promise<string[]> {
  const config = readInfraConfig(options);
  const log = options.log ?? (() => undefined);
  const stopped = await stopRecordedServers(config.runDir, log);
  const composed = await new ComposeServers(config, log).stopRecorded();
  stopped.push(...composed.map((service) => `${service} (docker compose)`));
  if (config.profile === 'test') removeAbandonedRuns(config.dataDir, log);
  return stopped;
}

export function infraLogFiles(options: ConfigOptions): Record<ServerName, string> {
  const { logDir } = readInfraConfig(options);
  return { kafka: join(logDir, 'kafka.log'), mongo: join(logDir, 'mongo.log') };
}
