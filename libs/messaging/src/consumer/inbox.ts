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
    return (await this.entries.countDocuments({ _id: this.key(eventId) }, { limit: 1 })) > 0;
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
