export { EventStore, EVENTS_COLLECTION, COUNTERS_COLLECTION } from './event-store';
export type { AppendOutcome, AppendRequest, AppendResult, EventStoreOptions } from './event-store';
export { EventLog, type EventLogOptions, type LogCommit, type LogPage } from './event-log';
export { StreamConflictError } from './stream-conflict-error';
export { eventIdsFor, streamIdOf, type PendingEvent, type StreamRef } from './pending-event';
export { isDuplicateKeyError } from './mongo-errors';
