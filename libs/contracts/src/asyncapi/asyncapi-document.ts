import { z } from 'zod';
import { envelopeSchema } from '../envelope/event-envelope';
import type { EventCatalogue } from '../catalogue/event-catalogue';
import { contexts, type EventDefinition } from '../catalogue/event-definition';
import { eventHeaders, TopicNames } from '../topics';

type JsonSchema = Record<string, unknown>;

/** zod refinements (area codes nested in their parents, say) have no JSON Schema form: they are described, not lost. */
const jsonSchemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function headersSchema(): JsonSchema {
  return {
    type: 'object',
    required: [eventHeaders.eventId, eventHeaders.eventType, eventHeaders.schemaVersion, eventHeaders.aggregateType],
    properties: Object.fromEntries(Object.values(eventHeaders).map((name) => [name, { type: 'string' }])),
  };
}

function messageOf(definition: EventDefinition): JsonSchema {
  return {
    name: definition.type,
    title: definition.type,
    summary: `${definition.type}, schema version ${definition.schemaVersion}, on the ${definition.aggregateType} aggregate`,
    contentType: 'application/json',
    headers: { $ref: '#/components/schemas/EventHeaders' },
    payload: {
      allOf: [
        { $ref: '#/components/schemas/EventEnvelope' },
        {
          type: 'object',
          properties: {
            type: { const: definition.type },
            schemaVersion: {
              type: 'integer',
              maximum: definition.schemaVersion,
              description: 'older versions are lifted to this one by every reader (upcasting)',
            },
            aggregateType: { const: definition.aggregateType },
            data: jsonSchemaOf(definition.schema),
          },
        },
      ],
    },
  };
}

/**
 * The AsyncAPI 3.0 description of every Kafka topic the platform uses, generated from the event catalogue so it
 * cannot drift from what the services validate. Messages are keyed by aggregate id (one aggregate's events stay
 * in order on one partition).
 */
export function asyncApiDocument(catalogue: EventCatalogue<readonly EventDefinition[]>, topics = new TopicNames()) {
  const definitions = catalogue.definitions();
  const messages = Object.fromEntries(definitions.map((definition) => [definition.type, messageOf(definition)]));
  const channels = Object.fromEntries(
    contexts.map((context) => [
      context,
      {
        address: topics.events(context),
        description: `Events of the ${context} service, keyed by aggregate id.`,
        messages: Object.fromEntries(
          definitions
            .filter((definition) => definition.context === context)
            .map((definition) => [definition.type, { $ref: `#/components/messages/${definition.type}` }]),
        ),
      },
    ]),
  );
  const operations = Object.fromEntries(
    contexts.map((context) => [
      `publish-${context}`,
      {
        action: 'send',
        summary: `The ${context} service's relay publishes every stored event at least once; consumers drop duplicates by event id.`,
        channel: { $ref: `#/channels/${context}` },
      },
    ]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Khu Siao events',
      version: '1',
      description:
        'Every event the households, pairings and welfare-payments services publish. A consumer group that cannot ' +
        `handle a message parks it on ${topics.deadLetters('{consumerGroup}')} with the reason and origin in headers.`,
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages, schemas: { EventEnvelope: jsonSchemaOf(envelopeSchema), EventHeaders: headersSchema() } },
  };
}
