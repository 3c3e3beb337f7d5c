import { Injectable } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, fold, type Decider } from '@khu-siao/decider';
import {
  EventStore,
  IdempotencyKeyReusedError,
  StreamConflictError,
  eventIdsFor,
  streamIdOf,
  type AppendResult,
  type DomainEvent,
  type StoredEvent,
  type StreamRef,
} from '@khu-siao/event-store';
import { LogProjections } from '../read-models/log-projections';
import type { AggregateCommand } from './aggregate-command';
import { pendingEventsFor } from './pending-events';

/** What a command did to its aggregate. */
export interface CommandOutcome<TState> {
  readonly aggregateId: string;
  /** The stream's version after the command: the ETag of the aggregate. */
  readonly version: number;
  /** False when nothing was appended: the command changed nothing, or it was a retry answered from the first time. */
  readonly changed: boolean;
  readonly state: TState;
}

/** The aggregate as loaded: its stream's version, the events as stored and as the domain decides on them. */
export interface LoadedAggregate<TEvent, TStored extends DomainEvent, TState> {
  readonly version: number;
  readonly stored: readonly StoredEvent<TStored>[];
  readonly events: readonly TEvent[];
  readonly state: TState;
}

/** What is about to be appended, for a handler whose side effects must go before the append and be undone if it fails. */
export interface Appending<TEvent, TState> {
  readonly aggregateId: string;
  readonly before: TState;
  readonly events: readonly TEvent[];
}

/**
 * The one write path of the platform: load the stream, fold it with the decider, decide, append at the version
 * decided on. Its rules, the same for every command of every service:
 * - **Expected version** — a number (the client's If-Match) is checked before deciding: another version is a 409,
 *   never retried; `any` decides on the current version and, when another writer appended first, loads and decides
 *   again (at most `conflictRetries` times).
 * - **Idempotency-Key** — the events' ids derive from the caller's key, and the append records the request's
 *   fingerprint: the same key with the same request answers the aggregate as it is, `changed: false`; with another
 *   request it is refused (422). Two copies racing are told apart by the unique event ids.
 * - **Actor, correlation and causation** come with every event (`pendingEventsFor`).
 * - **Read your writes** — the answer waits until this service's log projections have seen the append.
 * `TStored` is what the stream holds, `TEvent` what the decider folds: they differ where personal fields are sealed.
 */
@Injectable()
export abstract class EventSourcedHandler<TCommand, TEvent extends DomainEvent, TState, TStored extends DomainEvent>
  implements ICommandHandler<AggregateCommand<TCommand>, CommandOutcome<TState>>
{
  protected abstract readonly decider: Decider<TCommand, TEvent, TState>;
  /**
   * How often a command without an expected version is decided again after losing a race for its stream. Each loss
   * is another writer's success, so N concurrent writers of one stream all land with N - 1 retries.
   */
  protected readonly conflictRetries: number = 10;

  constructor(
    protected readonly store: EventStore,
    private readonly projections: LogProjections,
  ) {}

  protected abstract streamOf(aggregateId: string): StreamRef<TStored>;
  /** The stored events as the decider folds them (personal fields opened). */
  protected abstract open(aggregateId: string, stored: readonly StoredEvent<TStored>[]): Promise<readonly TEvent[]> | readonly TEvent[];
  /** The decided events as the stream keeps them (personal fields sealed). */
  protected abstract seal(aggregateId: string, events: readonly TEvent[]): Promise<readonly DomainEvent[]> | readonly DomainEvent[];

  /** Whether a command may meet a stream that does not exist yet; any other answers 404. */
  protected creates(_command: TCommand): boolean {
    return true;
  }

  /** When the event happened in the world, where its payload says (a visit logged late); default: when recorded. */
  protected occurredAt(_event: TEvent): string | undefined {
    return undefined;
  }

  /** Runs the append; a handler whose side effects must precede it (and be undone on failure) wraps it here. */
  protected appending(_appending: Appending<TEvent, TState>, append: () => Promise<AppendResult>): Promise<AppendResult> {
    return append();
  }

  /** The aggregate as it stands, for a read of it by id. */
  async load(aggregateId: string): Promise<LoadedAggregate<TEvent, TStored, TState>> {
    const { version, events: stored } = await this.store.readStream(this.streamOf(aggregateId));
    const events = await this.open(aggregateId, stored);
    return { version, stored, events, state: fold(this.decider, events) };
  }

  async execute(command: AggregateCommand<TCommand>): Promise<CommandOutcome<TState>> {
    const retries = command.expectedVersion === 'any' ? this.conflictRetries : 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.once(command);
      } catch (error) {
        if (!(error instanceof StreamConflictError) || attempt >= retries) throw error;
        // A short random pause spreads the losers of a race out, so they do not collide again at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));
      }
    }
  }

  private async once({ aggregateId, commands, context, expectedVersion }: AggregateCommand<TCommand>): Promise<CommandOutcome<TState>> {
    const stream = this.streamOf(aggregateId);
    const { idempotency } = context;
    const loaded = await this.load(aggregateId);
    // Looked up after the load: a copy of this request that the load saw is found here, never decided again (409).
    const prior = idempotency ? await this.store.priorAppend(eventIdsFor(1, idempotency.key)[0]) : null;
    if (prior) {
      if (prior.request !== idempotency?.fingerprint || prior.streamId !== streamIdOf(stream)) throw new IdempotencyKeyReusedError();
      return { aggregateId, version: loaded.version, changed: false, state: loaded.state };
    }
    if (loaded.version === 0 && !commands.every((each) => this.creates(each))) throw new NotFoundError(stream.aggregateType, aggregateId);
    const version = expectedVersion === 'any' ? loaded.version : expectedVersion;
    if (loaded.version !== version) throw new StreamConflictError(streamIdOf(stream), version, loaded.version);
    let state = loaded.state;
    const decided: TEvent[] = [];
    for (const each of commands) {
      for (const event of this.decider.decide(each, state)) {
        decided.push(event);
        state = this.decider.evolve(state, event);
      }
    }
    if (decided.length === 0) return { aggregateId, version, changed: false, state };
    const appended = await this.appending({ aggregateId, before: loaded.state, events: decided }, async () => {
      const sealed = await this.seal(aggregateId, decided);
      const occurredAt = decided.map((event) => this.occurredAt(event));
      const pending = pendingEventsFor(sealed, context.actor, { idempotencyKey: idempotency?.key, occurredAt: (_, index) => occurredAt[index] });
      return this.store.append(stream, version, pending, { request: idempotency?.fingerprint });
    });
    if (!appended.appended) {
      // A copy of this very request was appended first: answer the aggregate as it is now.
      return { aggregateId, ...(await this.current(aggregateId)), changed: false };
    }
    await this.projections.settled(appended.position);
    return { aggregateId, version: appended.nextExpectedVersion, changed: true, state };
  }

  private async current(aggregateId: string): Promise<{ version: number; state: TState }> {
    const { version, state } = await this.load(aggregateId);
    return { version, state };
  }
}

/** The write path for an aggregate whose events are stored as the decider emits them (no sealed fields). */
export abstract class AggregateCommandHandler<TCommand, TEvent extends DomainEvent, TState> extends EventSourcedHandler<
  TCommand,
  TEvent,
  TState,
  TEvent
> {
  protected open(_aggregateId: string, stored: readonly StoredEvent<TEvent>[]): readonly TEvent[] {
    return stored;
  }

  protected seal(_aggregateId: string, events: readonly TEvent[]): readonly TEvent[] {
    return events;
  }
}
