import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@khu-siao/contracts';
import { fold, type Decider } from '@khu-siao/decider';
import { EventStore, StreamConflictError, eventIdsFor, streamIdOf, type StreamRef } from '@khu-siao/event-store';
import { pendingEventsFor } from '@khu-siao/service-runtime';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<any, any, any>;

export interface DecideOptions {
  /** The version the client last saw (If-Match); the command is refused (409) when the stream moved on. */
  readonly expectedVersion?: number;
  /** A retried request produces the same event ids and is appended once. */
  readonly idempotencyKey?: string;
  /** How many times a conflicting append is reloaded and decided again (only without an expected version). */
  readonly retries?: number;
}

/**
 * Commands for one stream, decided in turn on its current state (each on the state the previous one left) and
 * appended in one commit with the version they were decided on.
 */
export class DecideOnStream {
  constructor(
    readonly stream: StreamRef,
    readonly decider: AnyDecider,
    readonly commands: readonly unknown[],
    readonly actor: Actor,
    readonly options: DecideOptions = {},
  ) {}
}

export interface StreamChange<TState = unknown> {
  readonly version: number;
  /** False when nothing was appended (the command changed nothing, or was a retry answered from the first time). */
  readonly changed: boolean;
  readonly state: TState;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Load → fold → decide → append with the expected version: the one path every welfare command takes. */
@CommandHandler(DecideOnStream)
export class DecideOnStreamHandler implements ICommandHandler<DecideOnStream, StreamChange> {
  constructor(private readonly store: EventStore) {}

  async execute({ stream, decider, commands, actor, options }: DecideOnStream): Promise<StreamChange> {
    const retries = options.expectedVersion === undefined ? (options.retries ?? 0) : 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.once(stream, decider, commands, actor, options);
      } catch (error) {
        if (!(error instanceof StreamConflictError) || attempt >= retries) throw error;
        await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
  }

  private async once(stream: StreamRef, decider: AnyDecider, commands: readonly unknown[], actor: Actor, options: DecideOptions): Promise<StreamChange> {
    const { version, events } = await this.store.readStream(stream);
    let state = fold(decider, events as unknown as { type: string; data: unknown }[]);
    if (options.expectedVersion !== undefined && version !== options.expectedVersion) {
      const [firstId] = options.idempotencyKey ? eventIdsFor(1, options.idempotencyKey) : [];
      if (firstId && events.some((event) => event.eventId === firstId)) return { version, changed: false, state };
      throw new StreamConflictError(streamIdOf(stream), options.expectedVersion, version);
    }
    const decided: { type: string; data: unknown }[] = [];
    for (const command of commands) {
      for (const event of decider.decide(command, state)) {
        decided.push(event);
        state = decider.evolve(state, event);
      }
    }
    if (decided.length === 0) return { version, changed: false, state };
    const appended = await this.store.append(stream, version, pendingEventsFor(decided, actor, { idempotencyKey: options.idempotencyKey }));
    return { version: appended.nextExpectedVersion, changed: appended.appended, state };
  }
}
