import type { ZodError } from 'zod';
import type { FieldIssue } from './contract-violation';

/** Turns zod issues into field paths such as `data.members.0.nationalId`, dropping the offending values. */
export function fieldIssues(error: ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter((part) => part !== undefined && part !== '').join('.') || '(root)',
    message: issue.message,
  }));
}
