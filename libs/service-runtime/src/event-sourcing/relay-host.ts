import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import { contexts, platformCatalogue, type TopicNames } from '@khu-siao/contracts';
import { EventStore } from '@khu-siao/event-store';
import { EventRelay, ensureTopics } from '@khu-siao/messaging';
import type { Logger } from '@khu-siao/observability';
import type { ServiceConfig } from '../config/service-config';
import { DATABASE, KAFKA, ROOT_LOGGER, SERVICE_CONFIG, TOPICS } from '../tokens';

/** Runs the service's relay for as long as the service runs: every event it stores reaches Kafka. */
@Injectable()
export class RelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: EventRelay;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(DATABASE) private readonly db: Db,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicNames,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(
      this.kafka,
      contexts.map((context) => ({ topic: this.topics.events(context) })),
    );
    this.relay = new EventRelay({
      name: this.config.service,
      db: this.db,
      store: this.store,
      kafka: this.kafka,
      topics: this.topics,
      catalogue: platformCatalogue,
      logger: this.logger,
      batchSize: this.config.relay.batchSize,
      idleMs: this.config.relay.idleMs,
    });
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }

  lag(): Promise<number> {
    return this.relay ? this.relay.lag() : Promise.resolve(0);
  }
}
