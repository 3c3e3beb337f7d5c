import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InfraConfig } from '../config';
import { kafkaAnswers, mongoAnswers, waitUntilHealthy } from '../health';
import { runCommand } from '../run-command';
import type { InfraLog, KafkaHandle, MongoHandle } from '../types';

export type ComposeService = 'kafka' | 'mongo';

const DOCKER_HINT = 'install the Docker CLI with its compose plugin, or set KHU_INFRA_DOCKER=off for local servers';

/** The servers of docker-compose.yml for the platform profile, on the platform's ports. */
export class ComposeServers {
  private readonly stateFile: string;
  private readonly host: string;

  constructor(
    private readonly config: InfraConfig,
    private readonly log: InfraLog,
  ) {
    this.stateFile = join(config.runDir, 'compose.json');
    this.host = dockerHostName(config.dockerHost);
  }

  get kafkaBrokers(): string[] {
    return [`${this.host}:${this.config.ports.kafka}`];
  }

  get mongoUrl(): string {
    // The replica set's member name is only resolvable inside the compose network.
    return `mongodb://${this.host}:${this.config.ports.mongo}/?directConnection=true`;
  }

  async startKafka(): Promise<KafkaHandle> {
    const owned = !(await kafkaAnswers(this.kafkaBrokers)) && (await this.up('kafka'));
    await this.waitForKafka();
    return {
      brokers: this.kafkaBrokers,
      stop: async () => {
        if (owned) await this.stopServices(['kafka']);
      },
      pause: () => this.compose(['stop', 'kafka']).then(() => undefined),
      resume: async () => {
        await this.compose(['start', 'kafka']);
        await this.waitForKafka();
      },
    };
  }

  async startMongo(): Promise<MongoHandle> {
    const owned = !(await mongoAnswers(this.mongoUrl)) && (await this.up('mongo'));
    return {
      url: this.mongoUrl,
      stop: async () => {
        if (owned) await this.stopServices(['mongo']);
      },
    };
  }

  /** For the CLI's down: stops what a detached up started, as recorded in the run folder. */
  async stopRecorded(): Promise<ComposeService[]> {
    const services = this.recorded();
    if (services.length > 0) await this.stopServices(services);
    return services;
  }

  recorded(): ComposeService[] {
    if (!existsSync(this.stateFile)) return [];
    return (JSON.parse(readFileSync(this.stateFile, 'utf8')) as { services: ComposeService[] }).services;
  }

  private async up(service: ComposeService): Promise<true> {
    this.log(`${service}: docker compose up (waits for the healthcheck)`);
    await this.compose(['up', '-d', '--wait', '--wait-timeout', '180', service]);
    this.record([...new Set([...this.recorded(), service])]);
    return true;
  }

  private async stopServices(services: ComposeService[]): Promise<void> {
    await this.compose(['stop', ...services]);
    this.record(this.recorded().filter((service) => !services.includes(service)));
  }

  private waitForKafka(): Promise<void> {
    return waitUntilHealthy({
      name: 'Kafka (docker compose)',
      check: () => kafkaAnswers(this.kafkaBrokers),
      timeoutMs: 60_000,
      diagnose: () => 'run "docker compose logs kafka"',
    });
  }

  private record(services: ComposeService[]): void {
    if (services.length === 0) {
      rmSync(this.stateFile, { force: true });
      return;
    }
    mkdirSync(this.config.runDir, { recursive: true });
    writeFileSync(this.stateFile, `${JSON.stringify({ services })}\n`);
  }

  private compose(args: string[]) {
    const file = join(this.config.repoRoot, 'docker-compose.yml');
    return runCommand('docker', ['compose', '-f', file, ...args], {
      cwd: this.config.repoRoot,
      env: {
        ...this.config.env,
        KHU_KAFKA_PORT: String(this.config.ports.kafka),
        KHU_MONGO_PORT: String(this.config.ports.mongo),
        KHU_KAFKA_ADVERTISED_HOST: this.host,
      },
      installHint: DOCKER_HINT,
    });
  }
}

/** Published ports are reached on the engine's host: loopback for a local socket, the tcp host otherwise. */
function dockerHostName(dockerHost: string | undefined): string {
  if (dockerHost?.startsWith('tcp://')) return new URL(`http://${dockerHost.slice('tcp://'.length)}`).hostname;
  return '127.0.0.1';
}
