import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';

export const deadLetterHeaders = {
  reason: 'dlq-reason',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
  attempts: 'dlq-attempts',
} as const;

export interface DeadLetter {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly reason: string;
  readonly attempts: number;
}

/** Parks a message that cannot be handled, byte for byte, with why and where it came from. */
export async function sendToDeadLetters(
  producer: Producer,
  deadLetterTopic: string,
  consumerGroup: string,
  letter: DeadLetter,
): Promise<void> {
  const headers: IHeaders = {
    ...letter.message.headers,
    [deadLetterHeaders.reason]: letter.reason.slice(0, 1_000),
    [deadLetterHeaders.originalTopic]: letter.topic,
    [deadLetterHeaders.originalPartition]: String(letter.partition),
    [deadLetterHeaders.originalOffset]: letter.message.offset,
    [deadLetterHeaders.consumerGroup]: consumerGroup,
    [deadLetterHeaders.failedAt]: new Date().toISOString(),
    [deadLetterHeaders.attempts]: String(letter.attempts),
  };
  await producer.send({
    topic: deadLetterTopic,
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}
