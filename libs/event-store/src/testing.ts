import type { Db } from 'mongodb';
import type { CommitDocument } from './commit-document';
import { EVENTS_COLLECTION } from './event-store';

/** The store's commit documents as written, for specs that prove what is (and is not) kept on disk. */
export function storedCommits(db: Db) {
  return db.collection<CommitDocument>(EVENTS_COLLECTION);
}
