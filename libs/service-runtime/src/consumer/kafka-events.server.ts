import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { EventConsumer, type EventConsumerOptions, type HandlerContext } from '@khu-siao/messaging';
import type { EventEnvelope } from '@khu-siao/contracts';

export type KafkaEventsOptions = Omit<EventConsumerOptions, 'handles' | 'handle'>;

/**
 * A @nestjs/microservices transport over our event consumer: `@EventPattern('HouseholdRegistered')` handlers
 * receive the envelope (upcast and validated) and the Kafka context; idempotence, retries and dead letters
 * come from the consumer underneath. Only event types some handler names are read.
 */
export class KafkaEventsServer extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;

  constructor(private readonly options: KafkaEventsOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.consumer = new EventConsumer({
      ...this.options,
      handles: (type) => this.messageHandlers.has(type),
      handle: (event, context) => this.dispatch(event, context),
    });
    this.consumer.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): never {
    throw new Error('KafkaEventsServer emits no status events');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('KafkaEventsServer is not listening yet');
    return this.consumer as T;
  }

  private async dispatch(event: EventEnvelope, context: HandlerContext): Promise<void> {
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) return;
    await lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined });
  }
}
