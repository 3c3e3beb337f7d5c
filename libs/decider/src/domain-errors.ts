import type { FieldIssue } from '@khu-siao/contracts';

/** A command that the current state does not allow (HTTP 409). */
export class IllegalStateError extends Error {
  override readonly name = 'IllegalStateError';
}

/** A command about something that does not exist (HTTP 404). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} was not found`);
  }
}

/** A command whose values break a business rule, named field by field (HTTP 400). */
export class InvalidCommandError extends Error {
  override readonly name = 'InvalidCommandError';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(`invalid command: ${issues.map((issue) => `${issue.field} ${issue.message}`).join('; ')}`);
  }
}
