import type { InfraConfig } from '../config';
import type { ServerProvider } from '../server-provider';
import type { InfraLog } from '../types';
import { ComposeServers } from './compose';
import { startContainerKafka, startContainerMongo } from './testcontainers';

/** Real mongo:8 and apache/kafka images: testcontainers for a test run, docker compose for the platform. */
export function dockerServers(config: InfraConfig, log: InfraLog): ServerProvider {
  if (config.profile === 'platform') {
    const compose = new ComposeServers(config, log);
    return {
      source: 'docker',
      startKafka: () => compose.startKafka(),
      startMongo: () => compose.startMongo(),
      release: async () => undefined,
    };
  }
  return {
    source: 'docker',
    startKafka: () => startContainerKafka(config, log),
    startMongo: () => startContainerMongo(log),
    release: async () => undefined,
  };
}
