import type { Document } from 'mongodb';
import type { Generation } from './generation';

export interface GenerationComparison {
  readonly equal: boolean;
  readonly documents: number;
  /** The first differences found, by collection and id (never the documents: they hold personal data). */
  readonly differences: readonly { readonly collection: string; readonly id: string; readonly kind: 'missing' | 'extra' | 'different' }[];
}

/** Compares two generations collection by collection, document for document, field order aside. */
export async function compareGenerations(live: Generation, rebuilt: Generation): Promise<GenerationComparison> {
  const differences: { collection: string; id: string; kind: 'missing' | 'extra' | 'different' }[] = [];
  let documents = 0;
  const rebuiltCollections = new Map(rebuilt.allCollections().map(({ name, collection }) => [name, collection]));
  for (const { name, collection } of live.allCollections()) {
    // Both read at once: the live projector is held still meanwhile.
    const [liveDocs, rebuiltDocs] = await Promise.all([
      byId(collection.find().toArray()),
      byId(rebuiltCollections.get(name)?.find().toArray() ?? Promise.resolve([])),
    ]);
    documents += liveDocs.size;
    for (const [id, doc] of liveDocs) {
      const other = rebuiltDocs.get(id);
      if (other === undefined) differences.push({ collection: name, id, kind: 'missing' });
      else if (canonical(other) !== canonical(doc)) differences.push({ collection: name, id, kind: 'different' });
    }
    for (const id of rebuiltDocs.keys()) if (!liveDocs.has(id)) differences.push({ collection: name, id, kind: 'extra' });
  }
  return { equal: differences.length === 0, documents, differences: differences.slice(0, 50) };
}

async function byId(docs: Promise<Document[]>): Promise<Map<string, Document>> {
  return new Map((await docs).map((doc) => [String(doc['_id']), doc]));
}

/** JSON with object keys sorted, so that two equal documents always print alike. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
