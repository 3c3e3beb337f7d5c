/** The stream moved on since the caller read it: the caller reloads and decides again (HTTP 409). */
export class StreamConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, not the expected ${expectedVersion}`);
    this.name = 'StreamConflictError';
  }
}

/**
 * An Idempotency-Key that was used before for a different request (HTTP 422): the first request's outcome stands,
 * and this one is refused rather than taken for a retry of it.
 */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('this Idempotency-Key was used before for a different request');
    this.name = 'IdempotencyKeyReusedError';
  }
}
