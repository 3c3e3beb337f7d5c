import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { VisitLogged, platformCatalogue, type TopicNames } from '@khu-siao/contracts';
import type { EventConsumerOptions } from '@khu-siao/messaging';
import type { Logger } from '@khu-siao/observability';

/** The relay bench's consumer, in the bench's process or a child's: its group, topics and a trivial handler. */
export function benchConsumerOptions(db: Db, kafka: Kafka, topics: TopicNames, logger: Logger, handle: (eventId: string) => void): EventConsumerOptions {
  return {
    groupId: topics.consumerGroup('bench-consumer'),
    topics: [topics.events(VisitLogged.context)],
    deadLetterTopic: topics.deadLetters('bench-consumer'),
    kafka,
    db,
    catalogue: platformCatalogue,
    logger,
    handles: (type: string) => type === VisitLogged.type,
    // Trivial on purpose: what is measured is the delivery machinery, not a handler's work.
    handle: async (event) => handle(event.eventId),
  };
}
