import { join, resolve } from 'node:path';
import type { InfraProfile } from './types';

export interface InfraPorts {
  kafka: number;
  kafkaController: number;
  mongo: number;
}

export interface InfraConfig {
  profile: InfraProfile;
  repoRoot: string;
  /** root of everything this package writes: cache, data, logs, run */
  infraDir: string;
  /** jars and compiled launcher, shared by both profiles; KHU_INFRA_CACHE_DIR moves it (e.g. to share it) */
  cacheDir: string;
  /** persistent for the platform profile; the test profile makes a fresh run folder inside it */
  dataDir: string;
  logDir: string;
  /** pid files */
  runDir: string;
  ports: InfraPorts;
  /** servers given by the environment, used as they are */
  external: { kafkaBrokers?: string[]; mongoUrl?: string };
  /** false when KHU_INFRA_DOCKER=off: always use local servers even if a Docker engine answers */
  dockerAllowed: boolean;
  dockerHost?: string;
  /** environment for child processes (PATH, JAVA_HOME) */
  env: NodeJS.ProcessEnv;
}

/** Different per profile so that a test run works while the platform runs; none is a product's standard port. */
export const DEFAULT_PORTS: Record<InfraProfile, InfraPorts> = {
  platform: { kafka: 29092, kafkaController: 29093, mongo: 27027 },
  test: { kafka: 39092, kafkaController: 39093, mongo: 37017 },
};

export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface ConfigOptions {
  profile: InfraProfile;
  env?: NodeJS.ProcessEnv;
  ports?: Partial<InfraPorts>;
}

export function readInfraConfig(options: ConfigOptions): InfraConfig {
  const env = options.env ?? process.env;
  const profile = options.profile;
  const defaults = DEFAULT_PORTS[profile];
  const infraDir = resolve(nonEmpty(env.KHU_INFRA_DIR) ?? join(REPO_ROOT, '.infra'));
  const ports: InfraPorts = {
    kafka: options.ports?.kafka ?? readPort(env, 'KHU_KAFKA_PORT', defaults.kafka),
    kafkaController: options.ports?.kafkaController ?? readPort(env, 'KHU_KAFKA_CONTROLLER_PORT', defaults.kafkaController),
    mongo: options.ports?.mongo ?? readPort(env, 'KHU_MONGO_PORT', defaults.mongo),
  };
  if (ports.kafka === ports.kafkaController) {
    throw new Error(`Kafka broker and controller ports must differ (both ${ports.kafka})`);
  }
  const dockerSetting = nonEmpty(env.KHU_INFRA_DOCKER) ?? 'auto';
  if (dockerSetting !== 'auto' && dockerSetting !== 'off') {
    throw new Error(`KHU_INFRA_DOCKER must be "auto" or "off", got "${dockerSetting}"`);
  }
  return {
    profile,
    repoRoot: REPO_ROOT,
    infraDir,
    cacheDir: resolve(nonEmpty(env.KHU_INFRA_CACHE_DIR) ?? join(infraDir, 'cache')),
    dataDir: join(infraDir, 'data', profile),
    logDir: join(infraDir, 'logs', profile),
    runDir: join(infraDir, 'run', profile),
    ports,
    external: { kafkaBrokers: readBrokers(env.KAFKA_BROKERS), mongoUrl: nonEmpty(env.MONGO_URL) },
    dockerAllowed: dockerSetting === 'auto',
    dockerHost: nonEmpty(env.DOCKER_HOST),
    env,
  };
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port (1-65535), got "${raw}"`);
  }
  return port;
}

function readBrokers(raw: string | undefined): string[] | undefined {
  const brokers = (raw ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  return brokers.length > 0 ? brokers : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
