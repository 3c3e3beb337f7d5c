export { EventStore } from './event-store';
export type { AppendOutcome, AppendRequest, AppendResult, EventStoreOptions, PriorAppend } from './event-store';
export { EventLog, type EventLogOptions, type LogCommit, type LogPage } from './event-log';
export { IdempotencyKeyReusedError, StreamConflictError } from './stream-conflict-error';
export { eventIdsFor, streamIdOf, streamOf, type DomainEvent, type PendingEvent, type StoredEvent, type StreamRef } from './pending-event';
export { isDuplicateKeyError } from './mongo-errors';
