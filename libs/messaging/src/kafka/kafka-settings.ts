import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { Logger } from '@khu-siao/observability';

export interface KafkaSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** TLS to the brokers; `true` uses the system's trust store. */
  readonly ssl?: boolean;
  readonly sasl?: SASLOptions;
}

const levelNames: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs with its log lines sent through the service's pino logger (warnings and errors only). */
export function createKafka(settings: KafkaSettings, logger: Logger): Kafka {
  const config: KafkaConfig = {
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    ssl: settings.ssl,
    sasl: settings.sasl,
    // No retry count here: the idempotent producers keep kafkajs' unlimited default, which exactly-once needs.
    retry: { initialRetryTime: 200, maxRetryTime: 5_000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }) => {
        const { message, stack: _stack, ...extra } = log;
        logger[levelNames[level] ?? 'info']({ kafka: { component: namespace, ...pickSafe(extra) } }, message);
      },
  };
  return new Kafka(config);
}

/** kafkajs log extras are metadata (broker, topic, error text), never payloads; keep only plain scalars. */
function pickSafe(extra: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(extra).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value)),
  );
}
