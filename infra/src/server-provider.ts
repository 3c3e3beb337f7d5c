import type { EndpointSource, KafkaHandle, MongoHandle } from './types';

/** Where the servers that the environment did not give come from: containers or local Java processes. */
export interface ServerProvider {
  source: Exclude<EndpointSource, 'environment'>;
  startKafka(): Promise<KafkaHandle>;
  startMongo(): Promise<MongoHandle>;
  /** after both servers stopped: removes what the provider made for this run */
  release(): Promise<void>;
}
