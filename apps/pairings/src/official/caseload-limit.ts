import { defaultCaseloadLimit } from '@khu-siao/pairings-domain';

/** The token under which the province's caseload limit (households per official) is provided. */
export const CASELOAD_LIMIT = Symbol('CASELOAD_LIMIT');

/** Reads `PAIRINGS_CASELOAD_LIMIT` (a whole number from 1); `defaultCaseloadLimit` when unset. */
export function readCaseloadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['PAIRINGS_CASELOAD_LIMIT'];
  if (raw === undefined || raw.trim() === '') return defaultCaseloadLimit;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`PAIRINGS_CASELOAD_LIMIT must be a whole number from 1, got "${raw}"`);
  }
  return value;
}
