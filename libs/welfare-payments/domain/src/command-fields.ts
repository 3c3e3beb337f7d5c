import type { FieldIssue } from '@khu-siao/contracts';
import { InvalidCommandError } from '@khu-siao/decider';

/** Refuses a command with every field at fault named at once (HTTP 400), so a caller fixes them in one go. */
export function refuseIfAny(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new InvalidCommandError(issues);
}

/** An issue for each text, named by its field, that is blank or longer than `max` characters. */
export function textIssues(texts: Readonly<Record<string, unknown>>, max = 500): FieldIssue[] {
  return Object.entries(texts).flatMap(([field, value]): FieldIssue[] => {
    if (typeof value !== 'string' || value.trim() === '') return [{ field, message: 'is required' }];
    return value.length > max ? [{ field, message: `must be at most ${max} characters` }] : [];
  });
}

/** Leaves an absent optional field out: a stored `undefined` comes back as `null`, which the contract refuses. */
export function optional<TKey extends string, TValue>(key: TKey, value: TValue | undefined): { [K in TKey]?: TValue } {
  return (value === undefined ? {} : { [key]: value }) as { [K in TKey]?: TValue };
}
