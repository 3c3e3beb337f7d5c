import { Module, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { platformCatalogue, type Context, type TopicNames } from '@khu-siao/contracts';
import type { Logger } from '@khu-siao/observability';
import { KafkaEventsServer } from './consumer/kafka-events.server';
import { PassThroughRpcErrors } from './consumer/pass-through-rpc-errors.filter';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { validationPipe } from './http/validation';
import { CORRELATION_HEADER, correlationMiddleware } from './logging/logging';
import { ServiceRuntimeModule, type ServiceRuntimeOptions } from './service-runtime.module';
import { DATABASE, KAFKA, ROOT_LOGGER, TOPICS } from './tokens';

export interface ServiceAppOptions extends ServiceRuntimeOptions {
  readonly openApi: { readonly title: string; readonly description: string };
  /** The contexts whose events this service consumes, under a consumer group of its own. */
  readonly consumes?: { readonly group: string; readonly from: readonly Context[] };
  /** Address to bind; loopback unless the deployment says otherwise. */
  readonly host?: string;
  /** Largest request body accepted. */
  readonly bodyLimit?: string;
  /** Also accept `text/csv` bodies (bulk imports), as a string. */
  readonly acceptsCsv?: boolean;
}

/** Builds, wires and starts a service around its feature module: the same edges for every service. */
export async function startServiceApp(feature: Type, options: ServiceAppOptions): Promise<INestApplication> {
  @Module({ imports: [ServiceRuntimeModule.forRoot(options), feature] })
  class ServiceRootModule {}

  const app = await NestFactory.create<NestExpressApplication>(ServiceRootModule, { bufferLogs: true, bodyParser: false });
  app.use(correlationMiddleware);
  // The API answers JSON only; the OpenAPI page under /docs loads its own scripts and styles.
  app.use(/^\/docs(\/|$)/, helmet({ contentSecurityPolicy: false }));
  app.use(/^(?!\/docs(\/|$))/, helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } }));
  app.useBodyParser('json', { limit: options.bodyLimit ?? '1mb' });
  if (options.identityProvider) app.useBodyParser('urlencoded', { extended: false, limit: '16kb' });
  if (options.acceptsCsv) app.useBodyParser('text', { type: 'text/csv', limit: options.bodyLimit ?? '1mb' });
  app.useLogger(app.get(NestPinoLogger));
  app.useGlobalFilters(new ProblemDetailsFilter(app.get<Logger>(ROOT_LOGGER)));
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.openApi.title)
      .setDescription(options.openApi.description)
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .addGlobalParameters({ name: CORRELATION_HEADER, in: 'header', required: false, schema: { type: 'string' } })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });

  if (options.consumes) {
    const topics = app.get<TopicNames>(TOPICS);
    const consumer = app.connectMicroservice(
      {
        strategy: new KafkaEventsServer({
          groupId: topics.consumerGroup(options.consumes.group),
          topics: options.consumes.from.map((context) => topics.events(context)),
          deadLetterTopic: topics.deadLetters(options.consumes.group),
          kafka: app.get<Kafka>(KAFKA),
          db: app.get<Db>(DATABASE),
          catalogue: platformCatalogue,
          logger: app.get<Logger>(ROOT_LOGGER),
        }),
      },
      { inheritAppConfig: false },
    );
    consumer.useGlobalFilters(new PassThroughRpcErrors());
  }
  await app.init();
  await app.startAllMicroservices();
  await app.listen(options.config.httpPort, options.host ?? '127.0.0.1');
  return app;
}
