export type InfraProfile = 'test' | 'platform';

export type EndpointSource = 'environment' | 'docker' | 'local';

export interface InfraEndpoints {
  kafkaBrokers: string[];
  mongoUrl: string;
  kafkaSource: EndpointSource;
  mongoSource: EndpointSource;
}

export interface RunningInfra {
  endpoints: InfraEndpoints;
  /** stops only what this call started; resolves when the processes are gone */
  stop(): Promise<void>;
  /**
   * Stops and restarts the Kafka broker on the same port and log dir (local: real process restart; docker: container
   * stop/start on fixed host ports). Rejects with a clear error when Kafka is external.
   */
  restartKafka(): Promise<void>;
  /** stop only, and start only, for tests that need the broker down for a while */
  stopKafka(): Promise<void>;
  startKafka(): Promise<void>;
  canControlKafka: boolean;
}

export type InfraLog = (line: string) => void;

/** One server this package can start, stop and health-check, wherever it runs. */
export interface ServerHandle {
  /** stops the server if this handle started it; resolves when it is gone */
  stop(): Promise<void>;
}

export interface KafkaHandle extends ServerHandle {
  brokers: string[];
  /** stops the broker but keeps its data so that start() brings the same topics back */
  pause(): Promise<void>;
  /** starts the broker again after pause() and waits until it answers */
  resume(): Promise<void>;
}

export interface MongoHandle extends ServerHandle {
  url: string;
}
