import type { Model, UpdateQuery } from 'mongoose';
import { isDuplicateKeyError } from '@khu-siao/event-store';

/**
 * Moves the document an aggregate's event changes to that event's version, once: a document at this version or
 * later is left as it is (a page read again after a crash), and only the event that opens the aggregate creates it.
 */
export async function applyAtVersion<T extends { _id: string; version: number }>(
  model: Model<T>,
  id: string,
  version: number,
  update: UpdateQuery<T>,
  options: { readonly opens: boolean } = { opens: false },
): Promise<void> {
  try {
    await model.updateOne({ _id: id, version: { $lt: version } }, { ...update, $set: { ...update.$set, version } }, { upsert: options.opens });
  } catch (error) {
    // The opening event's insert met the document it made the first time.
    if (!isDuplicateKeyError(error)) throw error;
  }
}
