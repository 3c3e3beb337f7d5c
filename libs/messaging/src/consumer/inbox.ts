import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import { isDuplicateKeyError } from '@khu-siao/event-store';

export const INBOX_COLLECTION = 'consumer_inbox';

interface InboxEntry {
  _id: string;
  group: string;
  eventId: string;
  type: string;
  handledAt: Date;
}

export interface HandledEvent {
  readonly eventId: string;
  readonly type: string;
}

/**
 * The events a consumer group has handled, by event id (a unique `_id`), for messages that carry no log position
 * (those a relay published are recognised by position, see `LogProgress`): a redelivered or replayed event is
 * recognised and skipped. The consumer looks a whole Kafka batch up at once before handling it, and marks the
 * events it handled with one write after the batch's last handler and before committing the batch's offsets.
 * So a crash (or a failed mark) between a handler's success and that write re-runs the handlers of up to one whole
 * batch (not just one event) on redelivery; handlers that cannot tolerate that guard their own writes with the
 * event's aggregate version. An event that is in the inbox is never handled again.
 */
export class Inbox {
  private readonly entries: Collection<InboxEntry>;

  constructor(
    db: Db,
    private readonly group: string,
  ) {
    this.entries = db.collection<InboxEntry>(INBOX_COLLECTION);
  }

  /** Which of these event ids are already handled: one query, by `_id` (never a scan on mongo-java-server). */
  async handledAmong(eventIds: Iterable<string>): Promise<Set<string>> {
    const keys = [...new Set(eventIds)].map((eventId) => this.key(eventId));
    if (keys.length === 0) return new Set();
    const found = await this.entries.find({ _id: { $in: keys } }, { projection: { _id: 1 } }).toArray();
    const prefix = this.key('');
    return new Set(found.map((entry) => entry._id.slice(prefix.length)));
  }

  /** Marks events as handled in one unordered write; one already marked (a race, a replay) is not an error. */
  async mark(events: readonly HandledEvent[]): Promise<void> {
    if (events.length === 0) return;
    const handledAt = new Date();
    const entries = events.map(({ eventId, type }) => ({
      _id: this.key(eventId),
      group: this.group,
      eventId,
      type,
      handledAt,
    }));
    try {
      await this.entries.insertMany(entries, { ordered: false });
    } catch (error) {
      // Judged by the write errors alone: mongo-java-server reports a wrong insertedCount on a partial failure.
      if (error instanceof MongoBulkWriteError) {
        const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
        if (writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === 11000)) return;
        throw error;
      }
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  private key(eventId: string): string {
    return `${this.group}:${eventId}`;
  }
}
