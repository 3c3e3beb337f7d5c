import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { createSecurityServices } from '@khu-siao/security';
import { LoggerModule } from 'nestjs-pino';
import type { Db, MongoClient } from 'mongodb';
import { TopicNames, platformCatalogue } from '@khu-siao/contracts';
import { EventStore } from '@khu-siao/event-store';
import { createKafka } from '@khu-siao/messaging';
import { createLogger, type Logger } from '@khu-siao/observability';
import type { ServiceConfig } from './config/service-config';
import { RelayHost } from './event-sourcing/relay-host';
import { HealthController } from './health/health.controller';
import { pinoHttpParams } from './logging/logging';
import { DATABASE, KAFKA, MONGO_CLIENT, ROOT_LOGGER, SECURITY, SERVICE_CONFIG, TOPICS } from './tokens';
import { AccessGuard } from './access/access.guard';
import { Clock } from './clock/clock';
import { ProcessRunner } from './processes/process-runner';
import { LogProjections } from './read-models/log-projections';
import { ExistingAgencyArea, IdentityController, RequestedAgencyArea } from './access/identity.controller';

export interface ServiceRuntimeOptions {
  readonly config: ServiceConfig;
  /** Where log lines go; standard output by default (tests pass a stream to inspect them). */
  readonly logDestination?: Parameters<typeof createLogger>[0]['destination'];
  /**
   * Whether the service's event store is published to Kafka by a relay (the default). The reporting service keeps
   * the events it consumes in its store and must not publish them again.
   */
  readonly publishesEvents?: boolean;
  /**
   * Serves the local issuer's JWKS, the agencies' token endpoint and the register of agency clients. One service
   * of the platform does (households).
   */
  readonly identityProvider?: boolean;
}

/**
 * What every service stands on: its configuration, one MongoDB connection (mongoose for read models, the driver
 * for the event store), the event store with its relay to Kafka and its log projections, the command and query
 * buses, the process runner, the clock, JSON logs with correlation ids, and a health endpoint.
 */
@Module({})
export class ServiceRuntimeModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(MONGO_CLIENT) private readonly client: MongoClient,
    private readonly store: EventStore,
  ) {}

  static forRoot(options: ServiceRuntimeOptions): DynamicModule {
    const { config } = options;
    const relay = options.publishesEvents === false ? [] : [RelayHost];
    const logger = createLogger({ service: config.service, level: config.logLevel, destination: options.logDestination });
    return {
      module: ServiceRuntimeModule,
      global: true,
      imports: [
        CqrsModule.forRoot(),
        TerminusModule,
        DiscoveryModule,
        LoggerModule.forRoot(pinoHttpParams(logger)),
        // One connection per service: read models use it through mongoose, the event store through its driver client.
        MongooseModule.forRootAsync({
          useFactory: () => ({ uri: config.mongoUrl, dbName: config.databaseName, serverSelectionTimeoutMS: 10_000 }),
        }),
      ],
      controllers: [HealthController, ...(options.identityProvider ? [IdentityController] : [])],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: TOPICS, useValue: new TopicNames(config.topicNamespace) },
        { provide: MONGO_CLIENT, inject: [getConnectionToken()], useFactory: (connection: Connection) => connection.getClient() },
        { provide: DATABASE, inject: [MONGO_CLIENT], useFactory: (client: MongoClient) => client.db(config.databaseName) },
        {
          provide: KAFKA,
          inject: [ROOT_LOGGER],
          useFactory: (root: Logger) =>
            createKafka(
              { brokers: config.kafkaBrokers, clientId: config.service, ssl: config.kafkaSsl, sasl: config.kafkaSasl },
              root,
            ),
        },
        {
          provide: EventStore,
          inject: [DATABASE],
          useFactory: (db: Db) => new EventStore(db, { catalogue: platformCatalogue }),
        },
        {
          provide: SECURITY,
          inject: [MONGO_CLIENT],
          useFactory: (client: MongoClient) => createSecurityServices(config.security, client.db(config.securityDatabaseName)),
        },
        { provide: Clock, useValue: new Clock() },
        LogProjections,
        ProcessRunner,
        ThrottlerStorageService,
        { provide: APP_GUARD, useClass: AccessGuard },
        ...(options.identityProvider ? [RequestedAgencyArea, ExistingAgencyArea] : []),
        ...relay,
      ],
      exports: [
        SERVICE_CONFIG,
        ROOT_LOGGER,
        TOPICS,
        MONGO_CLIENT,
        DATABASE,
        KAFKA,
        EventStore,
        SECURITY,
        Clock,
        LogProjections,
        ProcessRunner,
        ...relay,
        CqrsModule,
        MongooseModule,
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.store.ensureIndexes();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
