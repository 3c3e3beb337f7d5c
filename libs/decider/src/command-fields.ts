import type { FieldIssue } from '@khu-siao/contracts';
import { InvalidCommandError } from './domain-errors';

/** Refuses a command with every field at fault named at once (HTTP 400), so a caller fixes them in one go. */
export function refuseIfAny(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new InvalidCommandError(issues);
}

/**
 * An issue for each text, named by its field, that is blank or longer than `max` characters. The message never
 * quotes the text: names and contacts are personal data.
 */
export function textIssues(texts: Readonly<Record<string, unknown>>, max = 500): FieldIssue[] {
  return Object.entries(texts).flatMap(([field, value]): FieldIssue[] => {
    if (typeof value !== 'string' || value.trim() === '') return [{ field, message: 'is required' }];
    return value.length > max ? [{ field, message: `must be at most ${max} characters` }] : [];
  });
}

/** Like `textIssues`, for a text that may be left out. */
export function optionalTextIssues(texts: Readonly<Record<string, unknown>>, max = 500): FieldIssue[] {
  return textIssues(Object.fromEntries(Object.entries(texts).filter(([, value]) => value !== undefined)), max);
}

/** An issue when `value` is not one of `allowed`. */
export function oneOfIssues(field: string, value: unknown, allowed: readonly string[]): FieldIssue[] {
  return allowed.includes(value as string) ? [] : [{ field, message: `must be one of ${allowed.join(', ')}` }];
}

/** Leaves an absent optional field out: a stored `undefined` comes back as `null`, which the contract refuses. */
export function optional<TKey extends string, TValue>(key: TKey, value: TValue | undefined): { [K in TKey]?: TValue } {
  return (value === undefined ? {} : { [key]: value }) as { [K in TKey]?: TValue };
}
