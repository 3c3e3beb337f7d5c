import type { SASLOptions } from 'kafkajs';
import { DEFAULT_RELAY_PAGE } from '@khu-siao/messaging';
import { readSecurityConfig, type SecurityConfig } from '@khu-siao/security';

/** Everything a service reads from its environment, read once at start and passed down; nothing else reads env. */
export interface ServiceConfig {
  readonly service: string;
  readonly httpPort: number;
  readonly mongoUrl: string;
  readonly databaseName: string;
  readonly kafkaBrokers: readonly string[];
  /** Prefix of topic and consumer-group names; empty in production, unique per test file. */
  readonly topicNamespace: string;
  readonly logLevel: string;
  readonly kafkaSsl: boolean;
  readonly kafkaSasl?: SASLOptions;
  readonly relay: { readonly batchSize: number; readonly idleMs: number };
  /** Whose tokens are trusted and the keys that protect personal data. */
  readonly security: SecurityConfig;
  /**
   * The database of data keys, agency clients and the full-ID read log, shared by the services of the platform:
   * destroying a household's key there erases its personal fields in every service at once.
   */
  readonly securityDatabaseName: string;
  /** Requests a client (or an address, before sign-in) may make per minute. */
  readonly rateLimitPerMinute: number;
  /**
   * A fault to inject, for the specs that prove a protocol survives its process dying between two steps:
   * `<process>:<step type>` makes the process kill itself (SIGKILL) right after that step's outcome is recorded.
   * Unset in every deployment.
   */
  readonly crashAfterStep?: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readServiceConfig(service: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const required = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new ConfigError(`${name} must be set for ${service}`);
    return value;
  };
  const integer = (name: string, fallback: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
    return value;
  };
  const mechanism = env['KAFKA_SASL_MECHANISM']?.trim();
  return {
    service,
    httpPort: integer('HTTP_PORT', 3000),
    mongoUrl: required('MONGO_URL'),
    databaseName: env['MONGO_DB']?.trim() || `khu_siao_${service.replace(/-/g, '_')}`,
    kafkaBrokers: required('KAFKA_BROKERS').split(',').map((broker) => broker.trim()),
    topicNamespace: env['TOPIC_NAMESPACE']?.trim() ?? '',
    logLevel: env['LOG_LEVEL']?.trim() || 'info',
    kafkaSsl: env['KAFKA_SSL'] === 'true',
    kafkaSasl: mechanism ? saslFrom(mechanism, required('KAFKA_SASL_USERNAME'), required('KAFKA_SASL_PASSWORD')) : undefined,
    relay: { batchSize: integer('RELAY_BATCH_SIZE', DEFAULT_RELAY_PAGE), idleMs: integer('RELAY_IDLE_MS', 50) },
    security: readSecurityConfig(env),
    securityDatabaseName: env['SECURITY_DB']?.trim() || 'khu_siao_security',
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 30_000),
    crashAfterStep: env['KHU_CRASH_AFTER_STEP']?.trim() || undefined,
  };
}

function saslFrom(mechanism: string, username: string, password: string): SASLOptions {
  switch (mechanism) {
    case 'plain':
      return { mechanism: 'plain', username, password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username, password };
    default:
      throw new ConfigError(`KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512, got "${mechanism}"`);
  }
}
