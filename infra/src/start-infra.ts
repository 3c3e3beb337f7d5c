import { type InfraConfig, type InfraPorts, readInfraConfig } from './config';
import { dockerAnswers } from './docker/docker-probe';
import { dockerServers } from './docker/docker-servers';
import { localServers } from './local/local-servers';
import type { ServerProvider } from './server-provider';
import type { InfraLog, InfraProfile, KafkaHandle, MongoHandle, RunningInfra, ServerHandle } from './types';

export interface StartInfraOptions {
  profile: InfraProfile;
  log?: InfraLog;
  env?: NodeJS.ProcessEnv;
  /** overrides KHU_*_PORT and the profile's defaults, e.g. to run beside another run of the same profile */
  ports?: Partial<InfraPorts>;
}

/**
 * Kafka and MongoDB for a profile. Each server comes from the environment (KAFKA_BROKERS, MONGO_URL) when given
 * there; otherwise from Docker when an engine answers; otherwise from local Java processes.
 */
export async function startInfra(options: StartInfraOptions): Promise<RunningInfra> {
  const config = readInfraConfig(options);
  const log = options.log ?? (() => undefined);
  const { kafkaBrokers, mongoUrl } = config.external;
  if (kafkaBrokers) log(`kafka: using KAFKA_BROKERS from the environment (${kafkaBrokers.join(',')})`);
  if (mongoUrl) log('mongo: using MONGO_URL from the environment');

  const provider = kafkaBrokers && mongoUrl ? undefined : await chooseProvider(config, log);
  const [kafka, mongo] = await startBoth(
    kafkaBrokers || !provider ? undefined : () => provider.startKafka(),
    mongoUrl || !provider ? undefined : () => provider.startMongo(),
    provider,
  );
  return running(kafka, mongo, provider, {
    kafkaBrokers: kafka?.brokers ?? kafkaBrokers ?? [],
    mongoUrl: mongo?.url ?? mongoUrl ?? '',
  });
}

async function chooseProvider(config: InfraConfig, log: InfraLog): Promise<ServerProvider> {
  if (config.dockerAllowed && (await dockerAnswers(config.dockerHost))) {
    log(`a Docker engine answers: using containers for the ${config.profile} profile`);
    return dockerServers(config, log);
  }
  log(`no Docker engine answers${config.dockerAllowed ? '' : ' (KHU_INFRA_DOCKER=off)'}: using local servers`);
  return localServers(config, log);
}

/** Starts both at once; if either fails, stops the other so that nothing is left running. */
async function startBoth(
  startKafka: (() => Promise<KafkaHandle>) | undefined,
  startMongo: (() => Promise<MongoHandle>) | undefined,
  provider: ServerProvider | undefined,
): Promise<[KafkaHandle | undefined, MongoHandle | undefined]> {
  const [kafka, mongo] = await Promise.allSettled([startKafka?.(), startMongo?.()]);
  if (kafka.status === 'fulfilled' && mongo.status === 'fulfilled') return [kafka.value, mongo.value];
  const started: ServerHandle[] = [kafka, mongo].flatMap((result) =>
    result.status === 'fulfilled' && result.value ? [result.value] : [],
  );
  await Promise.allSettled(started.map((handle) => handle.stop()));
  await provider?.release();
  const errors = [kafka, mongo].flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  throw errors.length === 1 ? errors[0] : new AggregateError(errors, errors.map(String).join('\n'));
}

function running(
  kafka: KafkaHandle | undefined,
  mongo: MongoHandle | undefined,
  provider: ServerProvider | undefined,
  addresses: { kafkaBrokers: string[]; mongoUrl: string },
): RunningInfra {
  const controllable = (): KafkaHandle => {
    if (!kafka) {
      const brokers = addresses.kafkaBrokers.join(',');
      throw new Error(`Kafka comes from KAFKA_BROKERS (${brokers}); it cannot be stopped or restarted from here`);
    }
    return kafka;
  };
  let stopping: Promise<void> | undefined;
  return {
    endpoints: {
      ...addresses,
      kafkaSource: kafka && provider ? provider.source : 'environment',
      mongoSource: mongo && provider ? provider.source : 'environment',
    },
    canControlKafka: kafka !== undefined,
    stop: () => {
      stopping ??= (async () => {
        const results = await Promise.allSettled([kafka?.stop(), mongo?.stop()]);
        await provider?.release();
        const failure = results.find((result) => result.status === 'rejected');
        if (failure) throw failure.reason;
      })();
      return stopping;
    },
    stopKafka: async () => controllable().pause(),
    startKafka: async () => controllable().resume(),
    restartKafka: async () => {
      const handle = controllable();
      await handle.pause();
      await handle.resume();
    },
  };
}
