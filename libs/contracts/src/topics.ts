import type { Context } from './catalogue/event-definition';

/**
 * Topic names. A namespace (empty in production) keeps test runs and tenants apart on one broker.
 * One topic per publishing context, keyed by aggregate id so one aggregate's events stay in order.
 */
export class TopicNames {
  constructor(private readonly namespace = '') {}

  events(context: Context): string {
    return `${this.prefix()}khu-siao.${context}.events`;
  }

  /** Messages a consumer group could not handle, with the reason and the original headers. */
  deadLetters(consumerGroup: string): string {
    return `${this.prefix()}khu-siao.dead-letters.${consumerGroup}`;
  }

  consumerGroup(name: string): string {
    return `${this.prefix()}${name}`;
  }

  private prefix(): string {
    return this.namespace ? `${this.namespace}.` : '';
  }
}

/** Kafka headers every published event carries, so brokers' tools and dead-letter readers can route without parsing. */
export const eventHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  aggregateType: 'aggregate-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  /** The position in the log of the store that published it of the commit holding the event. */
  position: 'log-position',
  /** Which store's log `log-position` counts in (a store's database made afresh starts a new log). */
  logId: 'log-id',
  /** The event's place within its commit (0 for the first): with the position, its place in that log. */
  logIndex: 'log-index',
} as const;
