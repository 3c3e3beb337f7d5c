import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '@khu-siao/event-store';

interface InboxEntry {
  _id: string;
  group: string;
  eventId: string;
  type: string;
  handledAt: Date;
}

/**
 * The events a consumer group has handled, by event id (a unique `_id`): a redelivered or replayed event is
 * recognised and skipped. It is marked after the handler succeeds, so a crash in between re-runs the handler once
 * more; handlers that cannot tolerate that guard their own writes with the event's aggregate version.
 */
export class Inbox {
  private readonly entries: Collection<InboxEntry>;

  constructor(
    db: Db,
    private readonly group: string,
  ) {
    this.entries = db.collection<InboxEntry>('consumer_inbox');
  }

  async has(eventId: string): Promise<boolean> {
    // findOne by _id, not countDocuments: the driver runs the latter as an aggregation, a full scan on mongo-java-server.
    return (await this.entries.findOne({ _id: this.key(eventId) }, { projection: { _id: 1 } })) !== null;
  }

  async mark(eventId: string, type: string): Promise<void> {
    try {
      await this.entries.insertOne({ _id: this.key(eventId), group: this.group, eventId, type, handledAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  private key(eventId: string): string {
    return `${this.group}:${eventId}`;
  }
}
