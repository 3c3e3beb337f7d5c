import type { FieldIssue } from '@khu-siao/contracts';
import { InvalidCommandError } from '@khu-siao/decider';

/** The field issues a refused command names; fails the spec when the command is not refused as invalid. */
export function issuesOf(run: () => unknown): readonly FieldIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidCommandError) return error.issues;
    throw error;
  }
  throw new Error('expected the command to be refused as invalid, but it was accepted');
}

export function fieldsOf(run: () => unknown): string[] {
  return issuesOf(run).map((issue) => issue.field);
}
