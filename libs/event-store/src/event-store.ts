import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import { ContractViolation, type EventCatalogue, type EventDefinition, type EventEnvelope } from '@khu-siao/contracts';
import { EventLog, type EventLogOptions } from './event-log';
import { gapCommit, versionKey, type CommitDocument, type PositionCounter } from './commit-document';
import { KnownStreamEnds } from './known-stream-ends';
import { RecentCommits } from './recent-commits';
import { isDuplicateKeyError } from './mongo-errors';
import { streamIdOf, type DomainEvent, type PendingEvent, type StoredEvent, type StreamRef } from './pending-event';
import { IdempotencyKeyReusedError, StreamConflictError } from './stream-conflict-error';

export interface AppendRequest {
  readonly stream: StreamRef;
  /** The stream's version the command was decided on; 0 for a new stream. */
  readonly expectedVersion: number;
  readonly events: readonly PendingEvent[];
  /**
   * The fingerprint of the client's request when the event ids derive from its Idempotency-Key: the same ids with
   * another fingerprint are a reused key, refused, not a retry answered with the first result.
   */
  readonly request?: string;
}

/** The append an Idempotency-Key's first event id was recorded in. */
export interface PriorAppend {
  readonly streamId: string;
  /** The stream's version right after that append. */
  readonly version: number;
  readonly request?: string;
}

export interface AppendResult {
  readonly streamId: string;
  readonly position: number;
  readonly nextExpectedVersion: number;
  readonly events: readonly EventEnvelope[];
  /** false when these very events had been appended before: a client's retry, answered with the first result. */
  readonly appended: boolean;
}

export type AppendOutcome = AppendResult | StreamConflictError | IdempotencyKeyReusedError;

export interface EventStoreOptions {
  readonly catalogue: EventCatalogue<readonly EventDefinition[]>;
  readonly now?: () => Date;
  /** Most events one command may append at once (one document each commit; MongoDB caps documents at 16 MB). */
  readonly maxEventsPerCommit?: number;
  /** How many streams' latest known versions to keep, so that appending at them skips the predecessor lookup. */
  readonly knownStreamEnds?: number;
  /** How many of the events this store appended last to keep for its log readers (a relay in this process). */
  readonly recentEvents?: number;
}

/** The store's own collections: nothing outside this library reads or writes them. */
export const EVENTS_COLLECTION = 'events';
export const COUNTERS_COLLECTION = 'event_log_counters';

interface PreparedCommit {
  readonly index: number;
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly envelopes: EventEnvelope[];
  readonly request?: string;
}

/**
 * The event store on the plain MongoDB driver. Works on MongoDB 7/8 and on mongo-java-server alike: it needs
 * single-document atomicity and unique indexes, nothing else (no transactions, no change streams).
 */
export class EventStore {
  private readonly commits: Collection<CommitDocument>;
  private readonly counters: Collection<PositionCounter>;
  private readonly notifier = new EventEmitter();
  private readonly now: () => Date;
  private readonly maxEventsPerCommit: number;
  private readonly knownEnds: KnownStreamEnds;
  private readonly recent: RecentCommits;

  constructor(
    db: Db,
    private readonly options: EventStoreOptions,
  ) {
    this.commits = db.collection<CommitDocument>(EVENTS_COLLECTION);
    this.counters = db.collection<PositionCounter>(COUNTERS_COLLECTION);
    this.now = options.now ?? (() => new Date());
    this.maxEventsPerCommit = options.maxEventsPerCommit ?? 500;
    this.knownEnds = new KnownStreamEnds(options.knownStreamEnds ?? 100_000);
    this.recent = new RecentCommits(options.recentEvents ?? 10_000);
    this.notifier.setMaxListeners(100);
  }

  async ensureIndexes(): Promise<void> {
    await this.commits.createIndexes([
      { key: { follows: 1 }, name: 'one_commit_follows_each_version', unique: true },
      { key: { ends: 1 }, name: 'one_commit_ends_at_each_version', unique: true },
      { key: { eventIds: 1 }, name: 'event_appended_once', unique: true },
    ]);
  }

  async append(
    stream: StreamRef,
    expectedVersion: number,
    events: readonly PendingEvent[],
    options: { readonly request?: string } = {},
  ): Promise<AppendResult> {
    const [outcome] = await this.appendMany([{ stream, expectedVersion, events, request: options.request }]);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /**
   * Appends many commands' events, one commit per stream, in one round of writes. Every envelope is validated
   * before anything is written; each request then succeeds or conflicts on its own.
   */
  async appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    const recordedAt = this.now();
    const prepared = this.prepare(requests, recordedAt);
    const outcomes: AppendOutcome[] = new Array(requests.length);
    let open = prepared;
    while (open.length > 0) {
      open = await this.attempt(open, outcomes, recordedAt);
    }
    const lastPosition = Math.max(0, ...outcomes.map((o) => (o instanceof Error ? 0 : o.position)));
    if (lastPosition > 0) this.notifier.emit('appended', lastPosition);
    return outcomes;
  }

  /**
   * The stream's events in order, each at its current schema version; `after` skips the versions already known.
   * Typed by the stream's event union: the catalogue has validated each payload against the definition of its
   * type, and refuses any type whose definition belongs to another aggregate type.
   */
  async readStream<TEvent extends DomainEvent>(
    stream: StreamRef<TEvent>,
    after = 0,
  ): Promise<{ version: number; events: StoredEvent<TEvent>[] }> {
    const docs = await this.commitsOf(streamIdOf(stream));
    const events = docs
      .flatMap((doc) => doc.events)
      .filter((event) => event.aggregateVersion > after)
      .map((event) => this.options.catalogue.read(event) as StoredEvent<TEvent>);
    return { version: docs.length ? docs[docs.length - 1].last : 0, events };
  }

  /** The append that recorded an event id (an Idempotency-Key's first), in any stream; null when there is none. */
  async priorAppend(eventId: string): Promise<PriorAppend | null> {
    const doc = await this.commits.findOne({ eventIds: eventId }, { projection: { streamId: 1, last: 1, request: 1 } });
    return doc ? { streamId: doc.streamId, version: doc.last, ...(doc.request === undefined ? {} : { request: doc.request }) } : null;
  }

  /** The appends that recorded these event ids (each an Idempotency-Key's first), in one query: a bulk import's retries. */
  async priorAppends(eventIds: readonly string[]): Promise<Map<string, PriorAppend>> {
    const wanted = new Set(eventIds);
    const docs = await this.commits.find({ eventIds: { $in: [...wanted] } }, { projection: { streamId: 1, last: 1, request: 1, eventIds: 1 } }).toArray();
    const priors = new Map<string, PriorAppend>();
    for (const doc of docs) {
      const prior = { streamId: doc.streamId, version: doc.last, ...(doc.request === undefined ? {} : { request: doc.request }) };
      for (const eventId of doc.eventIds) if (wanted.has(eventId)) priors.set(eventId, prior);
    }
    return priors;
  }

  /** Whether an event with this id is stored already (a copy of another log's event, archived once). */
  async holds(eventId: string): Promise<boolean> {
    return (await this.commits.findOne({ eventIds: eventId }, { projection: { _id: 1 } })) !== null;
  }

  async streamVersion(streamId: string): Promise<number> {
    const docs = await this.commitsOf(streamId, { last: 1 });
    return docs.length ? docs[docs.length - 1].last : 0;
  }

  /**
   * Follows a stream's chain of commits through the unique `follows` keys, a window of versions per query: a
   * stream of fewer than `window` commits takes one round trip, on every server.
   */
  private async commitsOf(streamId: string, projection?: Record<string, 1>): Promise<CommitDocument[]> {
    const window = 64;
    const chain: CommitDocument[] = [];
    let head = 0;
    for (;;) {
      const start = head;
      const keys = Array.from({ length: window }, (_, offset) => versionKey(streamId, start + offset));
      const found = await this.commits
        .find({ follows: { $in: keys } }, projection ? { projection: { ...projection, prev: 1, last: 1 } } : {})
        .toArray();
      const byPrev = new Map(found.map((doc) => [doc.prev, doc]));
      for (let next = byPrev.get(head); next; next = byPrev.get(head)) {
        chain.push(next);
        head = next.last;
      }
      // A chain that stops inside the window has no successor (it would have been found): the stream ends there.
      if (head < start + window) {
        if (head > 0) this.knownEnds.remember(streamId, head);
        return chain;
      }
    }
  }

  /** Called with the highest position after each successful append in this process: lets a relay wake at once. */
  onAppended(listener: (position: number) => void): () => void {
    this.notifier.on('appended', listener);
    return () => this.notifier.off('appended', listener);
  }

  private prepare(requests: readonly AppendRequest[], recordedAt: Date): PreparedCommit[] {
    const seen = new Set<string>();
    return requests.map((request, index) => {
      const streamId = streamIdOf(request.stream);
      if (seen.has(streamId)) throw new Error(`stream ${streamId} appears twice in one batch`);
      seen.add(streamId);
      if (!Number.isInteger(request.expectedVersion) || request.expectedVersion < 0) {
        throw new ContractViolation([{ field: 'expectedVersion', message: 'must be a whole number from 0' }]);
      }
      if (request.events.length === 0 || request.events.length > this.maxEventsPerCommit) {
        throw new ContractViolation([{ field: 'events', message: `must hold 1 to ${this.maxEventsPerCommit} events` }]);
      }
      const envelopes = request.events.map((event, offset) =>
        this.envelope(request.stream, request.expectedVersion + offset + 1, event, recordedAt),
      );
      return { index, streamId, expectedVersion: request.expectedVersion, envelopes, request: request.request };
    });
  }

  private envelope(stream: StreamRef, version: number, event: PendingEvent, recordedAt: Date): EventEnvelope {
    const definition = this.options.catalogue.definitionOf(event.type);
    if (!definition) throw new ContractViolation([{ field: 'type', message: 'is not a known event type' }], event.type);
    const recordedIso = recordedAt.toISOString();
    return this.options.catalogue.read({
      eventId: event.eventId,
      type: event.type,
      schemaVersion: definition.schemaVersion,
      aggregateType: stream.aggregateType,
      aggregateId: stream.aggregateId,
      aggregateVersion: version,
      occurredAt: event.occurredAt ?? recordedIso,
      recordedAt: recordedIso,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      actor: event.metadata.actor,
      data: event.data,
    }) as EventEnvelope;
  }

  /** One round: check expected versions, take positions, insert. Returns the commits to try again. */
  private async attempt(
    commits: PreparedCommit[],
    outcomes: AppendOutcome[],
    recordedAt: Date,
  ): Promise<PreparedCommit[]> {
    const candidates = await this.withExistingPredecessor(commits, outcomes);
    if (candidates.length === 0) return [];
    const first = await this.reservePositions(candidates.length);
    const docs = candidates.map((commit, offset) => this.document(commit, first + offset, recordedAt));
    // Remembered before the positions stop counting as being stored, so a log reader here never queries for them.
    const failed = await this.recent.whileStoring(
      docs.map((doc) => doc._id),
      async () => {
        const refused = await this.insert(docs);
        for (const [offset, doc] of docs.entries()) if (!refused.has(offset)) this.remember(doc);
        return refused;
      },
    );
    const retry: PreparedCommit[] = [];
    for (const [offset, commit] of candidates.entries()) {
      const doc = docs[offset];
      if (!failed.has(offset)) {
        outcomes[commit.index] = result(doc, true);
        continue;
      }
      const outcome = await this.resolveRejected(doc);
      if (outcome === 'retry') retry.push(commit);
      else outcomes[commit.index] = outcome;
    }
    return retry;
  }

  private remember(doc: CommitDocument): void {
    this.knownEnds.remember(doc.streamId, doc.last);
    this.recent.add({ position: doc._id, recordedAt: doc.recordedAt, events: doc.events });
  }

  /**
   * A stream may only grow from a version that ends one of its commits (or from 0). Only the versions this process
   * has not seen end a commit are looked up; a conflict with another writer is left to the unique `follows` key.
   */
  private async withExistingPredecessor(commits: PreparedCommit[], outcomes: AppendOutcome[]): Promise<PreparedCommit[]> {
    const unknown = commits.filter(
      (commit) => commit.expectedVersion > 0 && !this.knownEnds.has(commit.streamId, commit.expectedVersion),
    );
    if (unknown.length === 0) return commits;
    const found = await this.commits
      .find(
        { ends: { $in: unknown.map((commit) => versionKey(commit.streamId, commit.expectedVersion)) } },
        { projection: { ends: 1 } },
      )
      .toArray();
    const missing = new Set(unknown.map((commit) => versionKey(commit.streamId, commit.expectedVersion)));
    for (const doc of found) missing.delete(doc.ends);
    const ready: PreparedCommit[] = [];
    for (const commit of commits) {
      if (!missing.has(versionKey(commit.streamId, commit.expectedVersion))) ready.push(commit);
      else outcomes[commit.index] = await this.conflict(commit.streamId, commit.expectedVersion);
    }
    return ready;
  }

  /**
   * Takes `count` consecutive positions. The pre-image of the increment is used on purpose: mongo-java-server
   * answers `returnDocument: 'after'` with the live document, which a concurrent increment may already have changed
   * (measured: duplicate values under 50 concurrent calls); its pre-image is a copy taken inside the update.
   */
  private async reservePositions(count: number): Promise<number> {
    for (;;) {
      try {
        const before = await this.counters.findOneAndUpdate(
          { _id: 'position' },
          { $inc: { value: count } },
          { upsert: true, returnDocument: 'before' },
        );
        return (before?.value ?? 0) + 1;
      } catch (error) {
        // Two first-ever appends may both try to create the counter; the loser simply increments it.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  private document(commit: PreparedCommit, position: number, recordedAt: Date): CommitDocument {
    return {
      _id: position,
      streamId: commit.streamId,
      prev: commit.expectedVersion,
      last: commit.expectedVersion + commit.envelopes.length,
      follows: versionKey(commit.streamId, commit.expectedVersion),
      ends: versionKey(commit.streamId, commit.expectedVersion + commit.envelopes.length),
      eventIds: commit.envelopes.map((envelope) => envelope.eventId),
      events: commit.envelopes,
      recordedAt,
      ...(commit.request === undefined ? {} : { request: commit.request }),
    };
  }

  /** Inserts unordered; answers the offsets of the documents refused for a duplicate key. */
  private async insert(docs: CommitDocument[]): Promise<Set<number>> {
    try {
      // An optional field left undefined must stay absent: stored as null, its schema would refuse it on read.
      if (docs.length === 1) await this.commits.insertOne(docs[0], { ignoreUndefined: true });
      else await this.commits.insertMany(docs, { ordered: false, ignoreUndefined: true });
      return new Set();
    } catch (error) {
      if (docs.length === 1 && isDuplicateKeyError(error)) return new Set([0]);
      if (error instanceof MongoBulkWriteError) {
        const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
        if (errors.every((writeError) => writeError.code === 11000)) return new Set(errors.map((e) => e.index));
      }
      throw error;
    }
  }

  /**
   * A refused commit either lost its position to a gap filler (a relay decided its writer had died: take a new
   * position), repeats events already appended (a retry: answer the first result), or lost the race for its
   * stream version (a conflict). In the last two cases its position is filled at once so that no reader waits on it.
   */
  private async resolveRejected(doc: CommitDocument): Promise<AppendOutcome | 'retry'> {
    const atPosition = await this.commits.findOne({ _id: doc._id }, { projection: { gap: 1 } });
    if (atPosition?.gap) return 'retry';
    await this.fillGap(doc._id);
    const earlier = await this.commits.findOne({ eventIds: doc.eventIds[0] });
    if (earlier && earlier.request !== doc.request) return new IdempotencyKeyReusedError();
    if (earlier && earlier.streamId === doc.streamId && sameIds(earlier.eventIds, doc.eventIds)) {
      return result(earlier, false);
    }
    return this.conflict(doc.streamId, doc.prev);
  }

  /**
   * The identity of this store's log, made once per database (kept on the position counter): a position means
   * something only within one log, and a database made afresh starts a new one. Relays send it with each event.
   */
  async logId(): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const counter = await this.counters.findOne({ _id: 'position' });
      if (counter?.logId) return counter.logId;
      try {
        // Gives an id to a counter that has none (made by an earlier version) or makes the counter; if another
        // process gave one first the filter no longer matches and the upsert collides on `_id`: read it again.
        await this.counters.updateOne(
          { _id: 'position', logId: { $exists: false } },
          { $set: { logId: randomUUID() }, $setOnInsert: { value: 0 } },
          { upsert: true },
        );
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw new Error('the event log counter could not be given a log id');
  }

  /** A reader of the global log from a checkpoint, for relays and rebuilds. */
  log(options?: EventLogOptions): EventLog {
    return new EventLog(this.commits, this.counters, (position) => this.fillGap(position), options, this.recent);
  }

  private async fillGap(position: number): Promise<boolean> {
    try {
      await this.commits.insertOne(gapCommit(position, this.now()));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  private async conflict(streamId: string, expectedVersion: number): Promise<StreamConflictError> {
    return new StreamConflictError(streamId, expectedVersion, await this.streamVersion(streamId));
  }
}

function result(doc: CommitDocument, appended: boolean): AppendResult {
  return { streamId: doc.streamId, position: doc._id, nextExpectedVersion: doc.last, events: doc.events, appended };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
