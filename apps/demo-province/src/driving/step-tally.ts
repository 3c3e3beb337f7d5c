/** What one step of the drive did: calls that changed something, that found it already done, and that failed. */
export interface StepTally {
  readonly step: string;
  done: number;
  already: number;
  failed: number;
  skipped: string | null;
  readonly errors: string[];
}

export function tally(step: string): StepTally {
  return { step, done: 0, already: 0, failed: 0, skipped: null, errors: [] };
}

/** Counts a failure and keeps the first few messages (the summary is for people, not a log). */
export function fail(into: StepTally, error: unknown): void {
  into.failed += 1;
  if (into.errors.length < 5) into.errors.push(error instanceof Error ? error.message : String(error));
}
