import type { ReadModelDocument } from './generation';
import { describeRollup, type Counters } from '@khu-siao/reporting-projections';

/** A roll-up as stored: its id's parts as fields (to query by area, month or official) and its figures. */
export function rollupDocument(id: string, counters: Counters): ReadModelDocument {
  return JSON.parse(JSON.stringify({ _id: id, ...describeRollup(id), counters })) as ReadModelDocument;
}
