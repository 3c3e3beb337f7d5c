export { createKafka, type KafkaSettings } from './kafka/kafka-settings';
export { ensureTopics, type TopicSpec } from './kafka/topic-admin';
export { eventMessage, headerText } from './kafka/event-message';
export { DEFAULT_RELAY_PAGE, EventRelay, relayLagOf, type EventRelayOptions } from './relay/event-relay';
export { Lease } from './relay/lease';
export {
  EventConsumer,
  type EventConsumerOptions,
  type EventHandler,
  type HandlerContext,
  type RetryPolicy,
} from './consumer/event-consumer';
export { PoisonMessage } from './consumer/poison-message';
export { forgetHandledEvents } from './consumer/log-progress';
export { deadLetterHeaders } from './consumer/dead-letters';
