import type { FieldIssue } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, NotFoundError } from './domain-errors';

/** A domain refusal as plain data, so that a process can record it as a step's outcome and raise it again. */
export type Refusal =
  | { readonly kind: 'illegalState'; readonly message: string }
  | { readonly kind: 'notFound'; readonly resource: string; readonly id: string }
  | { readonly kind: 'invalid'; readonly issues: readonly FieldIssue[] };

/** The refusal a domain error stands for; undefined for any other error (which is not an outcome but a failure). */
export function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof IllegalStateError) return { kind: 'illegalState', message: error.message };
  if (error instanceof NotFoundError) return { kind: 'notFound', resource: error.resource, id: error.id };
  if (error instanceof InvalidCommandError) return { kind: 'invalid', issues: error.issues };
  return undefined;
}

export function errorOf(refusal: Refusal): Error {
  switch (refusal.kind) {
    case 'illegalState':
      return new IllegalStateError(refusal.message);
    case 'notFound':
      return new NotFoundError(refusal.resource, refusal.id);
    case 'invalid':
      return new InvalidCommandError(refusal.issues);
  }
}
