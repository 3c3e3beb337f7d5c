import { z } from 'zod';

/**
 * A personal field as events and read models carry it: `pd1.` + base64url of AES-256-GCM output under the data key
 * of the household it belongs to, or `{ erased: true }` once that key is destroyed. Nothing that reads
 * Kafka or the event log sees the clear value without the key service.
 */
export const sealedField = z.union([
  z.string().regex(/^pd1\.[A-Za-z0-9_-]+$/, 'must be a sealed personal field'),
  z.object({ erased: z.literal(true) }).strict(),
]);
export type SealedField = z.infer<typeof sealedField>;

/**
 * For the upcaster of an event version that carried personal fields in clear: those fields cannot be sealed
 * without a key, so they read as erased (only development data was ever written so).
 */
export function erasedInOldVersion(record: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const lifted = { ...record };
  for (const field of fields) if (lifted[field] !== undefined) lifted[field] = { erased: true };
  return lifted;
}
