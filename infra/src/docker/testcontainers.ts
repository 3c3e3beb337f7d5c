import type { InfraConfig } from '../config';
import { kafkaAnswers, waitUntilHealthy } from '../health';
import type { InfraLog, KafkaHandle, MongoHandle } from '../types';

export const KAFKA_IMAGE = 'apache/kafka:4.1.2';
export const MONGO_IMAGE = 'mongo:8';
const KAFKA_CONTROLLER_PORT_IN_CONTAINER = 9093;

/**
 * The broker settings of the local profile, for the apache/kafka image (KAFKA_* variables become properties).
 * The broker listens inside the container on the same port that the host publishes, so the advertised address is
 * right on both sides.
 */
export function dockerKafkaEnvironment(port: number, advertisedHost: string): Record<string, string> {
  return {
    KAFKA_NODE_ID: '1',
    KAFKA_PROCESS_ROLES: 'broker,controller',
    KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${port},CONTROLLER://0.0.0.0:${KAFKA_CONTROLLER_PORT_IN_CONTAINER}`,
    KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${advertisedHost}:${port}`,
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_CONTROLLER_QUORUM_VOTERS: `1@localhost:${KAFKA_CONTROLLER_PORT_IN_CONTAINER}`,
    KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    KAFKA_NUM_PARTITIONS: '3',
    KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
  };
}

/**
 * Kafka in a container for the test profile. @testcontainers/kafka only drives Confluent images, so this is a
 * GenericContainer; its host port is fixed (not random) so that a stopped and restarted container keeps its address.
 */
export async function startContainerKafka(config: InfraConfig, log: InfraLog): Promise<KafkaHandle> {
  const { GenericContainer, getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  const host = client.info.containerRuntime.host;
  const port = config.ports.kafka;
  const brokers = [`${host}:${port}`];
  const started = await new GenericContainer(KAFKA_IMAGE)
    .withEnvironment(dockerKafkaEnvironment(port, host))
    .withExposedPorts({ container: port, host: port })
    .start();
  const container = client.container.getById(started.getId());
  const waitHealthy = () =>
    waitUntilHealthy({
      name: 'Kafka container',
      check: () => kafkaAnswers(brokers),
      timeoutMs: 60_000,
      diagnose: () => `run "docker logs ${started.getId()}"`,
    });
  await waitHealthy();
  log(`kafka: container ${started.getName()} ready on ${brokers[0]}`);
  return {
    brokers,
    stop: async () => {
      await started.stop();
    },
    pause: async () => {
      await client.container.stop(container, { timeout: 10 });
    },
    resume: async () => {
      await client.container.start(container);
      await waitHealthy();
    },
  };
}

/** A single-node replica set (MongoDBContainer runs rs.initiate); the host reaches it only by direct connection. */
export async function startContainerMongo(log: InfraLog): Promise<MongoHandle> {
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const started = await new MongoDBContainer(MONGO_IMAGE).start();
  const url = `${started.getConnectionString()}/?directConnection=true`;
  log(`mongo: container ${started.getName()} ready at ${url}`);
  return {
    url,
    stop: async () => {
      await started.stop();
    },
  };
}
